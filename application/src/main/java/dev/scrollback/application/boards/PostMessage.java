package dev.scrollback.application.boards;

import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.domain.boards.BoardId;
import dev.scrollback.domain.boards.MessageBody;
import dev.scrollback.domain.boards.MessageId;
import dev.scrollback.domain.boards.Subject;
import dev.scrollback.domain.boards.ThreadId;
import java.util.Optional;

/**
 * In-port: post on a board ({@code MessagePosted}, the caller as actor): a new thread, or a reply (to the thread or to
 * one of its messages, whose text the caller may quote). The board's access decides who may post
 * ({@code NotAllowed}); a locked thread takes no replies. Limited per account ({@code RateLimited}). An API key needs
 * the {@code boards:write} scope.
 */
public interface PostMessage {
    Posted startThread(Caller caller, BoardId board, Subject subject, MessageBody body, Origin origin);

    Posted reply(Caller caller, ThreadId thread, Optional<MessageId> inReplyTo, Optional<Subject> subject, MessageBody body,
                 Origin origin);

    record Posted(ThreadId thread, MessageId message) {}
}
