package dev.scrollback.domain.accounts;

import dev.scrollback.domain.shared.InvalidValue;

/** A plain-text secret a caller typed (a password, a mailed code). Never printed, never stored, never in an event. */
public record Secret(String value) {
    /** Generous cap so hashing cost stays bounded whatever a caller sends. */
    public static final int MAX_LENGTH = 1024;

    public Secret {
        if (value == null || value.isEmpty()) throw new InvalidValue("password", "is required");
        if (value.length() > MAX_LENGTH) throw new InvalidValue("password", "is too long");
    }

    @Override
    public String toString() {
        return "***";
    }
}
