package dev.scrollback.application.boards;

import dev.scrollback.application.accounts.Caller;
import dev.scrollback.domain.boards.MessageBody;
import dev.scrollback.domain.boards.MessageId;
import dev.scrollback.domain.boards.Subject;
import dev.scrollback.domain.boards.ThreadId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * In-port: one thread with every message, read from its stream (so an edit shows at once). A deleted message keeps its
 * place without its body, with the moderator's reason. A thread on a board the caller may not read is
 * {@code NoSuchThread}, like one that does not exist.
 */
public interface ReadThread {
    ThreadView read(Caller caller, ThreadId thread);

    record ThreadView(Boards.Board board, ThreadId thread, Subject subject, boolean locked, boolean mayReply,
                      boolean mayModerate, List<MessageView> messages) {}

    /**
     * {@code number}: the message's number on its board (0 while the boards projection has not seen it yet).
     * {@code author}: the caller's handle, or the plugin's name when {@code plugin} (a plugin's reply).
     */
    record MessageView(MessageId message, long number, String author, boolean plugin, Subject subject,
                       Optional<MessageBody> body, Instant postedAt, Optional<Instant> editedAt,
                       Optional<String> deletedBecause, Optional<MessageId> inReplyTo) {}
}
