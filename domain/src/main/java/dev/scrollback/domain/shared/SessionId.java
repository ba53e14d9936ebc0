package dev.scrollback.domain.shared;

import java.util.Objects;
import java.util.UUID;

/** Identifies one visit of a caller (a telnet connection, a web login). */
public record SessionId(UUID value) {
    public SessionId {
        Objects.requireNonNull(value, "value");
    }

    /** Reads the canonical 36-character form only (UUID.fromString alone also takes "1-2-3-4-5", and throws on null). */
    public static SessionId parse(String text) {
        if (text == null || !UuidText.isCanonical(text)) throw new InvalidValue("sessionId", "is not a UUID");
        return new SessionId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
