package dev.scrollback.application.hooks;

import dev.scrollback.domain.shared.Handle;
import dev.scrollback.domain.shared.MessagePlace;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A message that was posted: where, by whom, what it says (after the filters); on a board, in which thread (so that a
 * plugin can reply there).
 */
public record PostedMessage(MessagePlace place, Handle author, String text, Optional<UUID> thread) {
    public PostedMessage {
        Objects.requireNonNull(place, "place");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(thread, "thread");
    }

    /** Said where threads are not a thing (a chat room). */
    public PostedMessage(MessagePlace place, Handle author, String text) {
        this(place, author, text, Optional.empty());
    }
}
