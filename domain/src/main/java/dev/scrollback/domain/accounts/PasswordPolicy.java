package dev.scrollback.domain.accounts;

import dev.scrollback.domain.shared.Handle;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/**
 * Which passwords are accepted (SPEC §5, NIST SP 800-63B style): long enough, not absurdly long, and not built from
 * the caller's own handle or email, and not one of the most common breached passwords. No composition rules.
 */
public final class PasswordPolicy {
    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;

    /** Why a password was refused; {@link #explanation()} is fit to show the caller. */
    public enum Weakness {
        TOO_SHORT("must be at least " + MIN_LENGTH + " characters"),
        TOO_LONG("must be at most " + MAX_LENGTH + " characters"),
        CONTAINS_HANDLE("must not contain your handle"),
        CONTAINS_EMAIL("must not contain your email address"),
        COMMON("is one of the most common passwords; pick something less guessable"),
        /** Only for a password change: the new password is the one already in use. */
        SAME_AS_CURRENT("must differ from your current one");

        private final String explanation;

        Weakness(String explanation) {
            this.explanation = explanation;
        }

        public String explanation() {
            return "Your password " + explanation + ".";
        }
    }

    private PasswordPolicy() {}

    /** Length and personal data only: no breached-password list. */
    public static Optional<Weakness> check(Secret password, Handle handle, Optional<EmailAddress> email) {
        return check(password, handle, email, CommonPasswords.none());
    }

    public static Optional<Weakness> check(Secret password, Handle handle, Optional<EmailAddress> email,
                                           CommonPasswords common) {
        var text = password.value();
        int length = text.codePointCount(0, text.length());
        if (length < MIN_LENGTH) return Optional.of(Weakness.TOO_SHORT);
        if (length > MAX_LENGTH) return Optional.of(Weakness.TOO_LONG);
        var folded = fold(text);
        // A two-letter handle is in too many words to forbid ("jo" in "enjoy"); longer ones may not appear at all.
        if (handle.key().length() >= 3 ? folded.contains(handle.key()) : folded.equals(handle.key())) {
            return Optional.of(Weakness.CONTAINS_HANDLE);
        }
        if (email.isPresent()) {
            var local = fold(email.get().localPart());
            if (folded.contains(fold(email.get().value())) || (local.length() >= 3 && folded.contains(local))) {
                return Optional.of(Weakness.CONTAINS_EMAIL);
            }
        }
        if (common.contains(folded)) return Optional.of(Weakness.COMMON);
        return Optional.empty();
    }

    /** NFKC and locale-independent case folding; the same as {@link Handle#key()}, so {@code STRASSE} and {@code Ｓｔｒａßｅ} both contain handle {@code straße}. */
    public static String fold(String text) {
        var compatible = Normalizer.normalize(text, Normalizer.Form.NFKC);
        var lower = compatible.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
        return Normalizer.normalize(lower.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT), Normalizer.Form.NFKC);
    }
}
