package dev.scrollback.application.boards;

import dev.scrollback.domain.shared.InvalidValue;

/**
 * What a caller searches for: words (all must match), {@code "a phrase"}, {@code -excluded}, {@code prefix*}. One line,
 * 1 to 200 characters; anything else in it is taken as words, never as an error.
 */
public record SearchText(String value) {
    public static final int MAX = 200;

    public SearchText {
        if (value == null || value.isBlank()) throw new InvalidValue("q", "is empty");
        value = value.strip();
        if (value.length() > MAX) throw new InvalidValue("q", "is longer than " + MAX + " characters");
        if (value.chars().anyMatch(Character::isISOControl)) throw new InvalidValue("q", "contains control characters");
    }
}
