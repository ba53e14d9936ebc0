package dev.scrollback.application.hooks;

import dev.scrollback.domain.shared.Handle;
import dev.scrollback.domain.shared.MessagePlace;
import java.util.Objects;

/** A message that was posted: where, by whom, what it says (after the filters). */
public record PostedMessage(MessagePlace place, Handle author, String text) {
    public PostedMessage {
        Objects.requireNonNull(place, "place");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(text, "text");
    }
}
