package dev.scrollback.domain.boards;

import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.Handle;
import dev.scrollback.domain.shared.PluginName;
import java.time.Instant;
import java.util.Optional;

/**
 * Facts about one thread and its messages, stored on stream {@code thread-<uuid>}; the first message starts the
 * thread. Names are a public contract (SPEC §3). The actor of each is in its envelope.
 */
public sealed interface MessageEvent extends BoardsEvent {
    ThreadId thread();

    BoardId board();

    Instant at();

    /** {@code body} is free text a caller may ask to erase (personal data, SPEC §3). */
    record MessagePosted(MessageId message, ThreadId thread, BoardId board, AccountId author, Handle authorHandle,
                         Subject subject, MessageBody body, Optional<MessageId> inReplyTo, Instant at)
            implements MessageEvent {}

    /**
     * A plugin ({@code post_message}, the plugin's version as actor) replied in the thread as itself. No filter saw it
     * and no plugin was told of it. {@code body} is the plugin's text, not a caller's: it holds no personal data.
     */
    record PluginReplyPosted(MessageId message, ThreadId thread, BoardId board, PluginName plugin, Subject subject,
                             MessageBody body, Instant at) implements MessageEvent {}

    /** The author changed the body within the edit window. */
    record MessageEdited(MessageId message, ThreadId thread, BoardId board, MessageBody body, Instant at)
            implements MessageEvent {}

    /** A moderator or sysop (the actor) removed a message, saying why; readers see that it was removed, and why. */
    record MessageDeleted(MessageId message, ThreadId thread, BoardId board, String reason, Instant at)
            implements MessageEvent {}

    /** A moderator or sysop (the actor) closed the thread to replies. */
    record ThreadLocked(ThreadId thread, BoardId board, String reason, Instant at) implements MessageEvent {}
}
