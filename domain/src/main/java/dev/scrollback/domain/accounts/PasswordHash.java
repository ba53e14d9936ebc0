package dev.scrollback.domain.accounts;

import dev.scrollback.domain.shared.InvalidValue;

/** An encoded one-way hash (PHC string format, e.g. {@code $argon2id$v=19$m=...}). Printed as {@code ***}. */
public record PasswordHash(String value) implements StoredSecret {
    public PasswordHash {
        if (value == null || value.isBlank() || value.length() > 512) throw new InvalidValue("hash", "is not a hash");
    }

    @Override
    public String toString() {
        return "***";
    }
}
