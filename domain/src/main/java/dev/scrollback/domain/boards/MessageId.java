package dev.scrollback.domain.boards;

import dev.scrollback.domain.shared.InvalidValue;
import dev.scrollback.domain.shared.UuidText;
import java.util.Objects;
import java.util.UUID;

/** Identifies a message. */
public record MessageId(UUID value) {
    public MessageId {
        Objects.requireNonNull(value, "value");
    }

    /** Reads the canonical 36-character form only. */
    public static MessageId parse(String text) {
        if (text == null || !UuidText.isCanonical(text)) throw new InvalidValue("messageId", "is not a message id");
        return new MessageId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
