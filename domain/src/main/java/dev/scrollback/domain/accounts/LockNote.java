package dev.scrollback.domain.accounts;

import dev.scrollback.domain.shared.InvalidValue;

/** What a sysop tells the owner of an account they locked: one line, shown at every refused login. */
public record LockNote(String value) {
    public static final int MAX_LENGTH = 200;

    public LockNote {
        if (value == null || value.isBlank()) throw new InvalidValue("note", "is empty");
        value = value.strip();
        if (value.length() > MAX_LENGTH) throw new InvalidValue("note", "is longer than " + MAX_LENGTH + " characters");
        if (value.chars().anyMatch(Character::isISOControl)) throw new InvalidValue("note", "contains control characters");
    }
}
