package dev.scrollback.domain.boards;

import dev.scrollback.domain.shared.InvalidValue;
import dev.scrollback.domain.shared.UuidText;
import java.util.Objects;
import java.util.UUID;

/** Identifies a thread. */
public record ThreadId(UUID value) {
    public ThreadId {
        Objects.requireNonNull(value, "value");
    }

    /** Reads the canonical 36-character form only. */
    public static ThreadId parse(String text) {
        if (text == null || !UuidText.isCanonical(text)) throw new InvalidValue("threadId", "is not a thread id");
        return new ThreadId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
