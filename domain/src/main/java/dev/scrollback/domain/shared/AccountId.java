package dev.scrollback.domain.shared;

import java.util.Objects;
import java.util.UUID;

/** Identifies an account. Shared because every capability names the caller who acted. */
public record AccountId(UUID value) {
    public AccountId {
        Objects.requireNonNull(value, "value");
    }

    /** Reads the canonical 36-character form only (UUID.fromString alone also takes "1-2-3-4-5", and throws on null). */
    public static AccountId parse(String text) {
        if (text == null || !UuidText.isCanonical(text)) throw new InvalidValue("accountId", "is not a UUID");
        return new AccountId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
