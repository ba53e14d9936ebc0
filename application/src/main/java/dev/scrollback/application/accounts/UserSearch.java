package dev.scrollback.application.accounts;

import dev.scrollback.domain.accounts.AccountState.Registered;
import dev.scrollback.domain.shared.InvalidValue;
import java.text.Normalizer;
import java.util.Locale;

/**
 * What a sysop typed to find accounts: a piece of a handle (folded the way {@link dev.scrollback.domain.shared.Handle}
 * folds, so {@code ALI} finds {@code alice} and {@code Ａｌｉ} does too) or of an email address (case ignored). One
 * line of at most {@link #MAX_LENGTH} characters.
 */
public record UserSearch(String text) {
    public static final int MAX_LENGTH = 100;

    public UserSearch {
        if (text == null || text.isBlank()) throw new InvalidValue("q", "is empty");
        text = text.strip();
        if (text.length() > MAX_LENGTH) throw new InvalidValue("q", "is longer than " + MAX_LENGTH + " characters");
        if (text.chars().anyMatch(Character::isISOControl)) throw new InvalidValue("q", "contains control characters");
    }

    /** Whether the account's handle or email address contains the text. */
    public boolean matches(Registered account) {
        return account.handle().key().contains(handlePart())
                || account.email().map(e -> e.value().toLowerCase(Locale.ROOT).contains(emailPart())).orElse(false);
    }

    private String handlePart() {
        return fold(Normalizer.normalize(text, Normalizer.Form.NFKC));
    }

    private String emailPart() {
        return text.toLowerCase(Locale.ROOT);
    }

    /** The same steps as {@code Handle.fold} (package-private in the domain): upper, lower, twice, then NFKC. */
    private static String fold(String text) {
        var once = text.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
        var again = once.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
        return Normalizer.normalize(again, Normalizer.Form.NFKC);
    }
}
