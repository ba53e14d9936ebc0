package dev.scrollback.application.history;

import dev.scrollback.application.shared.Actor;
import dev.scrollback.domain.boards.BoardId;
import dev.scrollback.domain.boards.BoardName;
import dev.scrollback.domain.boards.MessageBody;
import dev.scrollback.domain.boards.MessageId;
import dev.scrollback.domain.boards.Subject;
import dev.scrollback.domain.boards.ThreadId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A thread at a point, every message as it read then: edits made later are not applied, deletions made later not
 * either. A message deleted by then keeps its place without its body, with when, why and by whom (ask as of a point
 * before the deletion to read what it said). {@code lock}: when, why and by whom it was locked, if it was by then.
 */
public record ThreadAsItWas(ThreadId thread, BoardId board, BoardName boardName, Subject subject, Optional<Moderation> lock,
                            List<Message> messages) {
    public ThreadAsItWas {
        messages = List.copyOf(messages);
    }

    /**
     * {@code author}: the caller's handle, or the plugin's name when {@code plugin}. {@code edits}: how many times its
     * author had edited it by then, the latest at {@code editedAt}.
     */
    public record Message(MessageId message, String author, boolean plugin, Subject subject, Optional<MessageBody> body,
                          Instant postedAt, int edits, Optional<Instant> editedAt, Optional<Moderation> deletion,
                          Optional<MessageId> inReplyTo) {}

    /** A moderator's act on the thread: when, the reason given, and who (the event's actor). */
    public record Moderation(Instant at, String reason, Actor by) {}
}
