package dev.scrollback.domain.shared;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A caller's name (SPEC §4): 2–24 letters, digits, {@code _} or {@code -}, starting with a letter. Two handles are
 * equal when their folded forms are: NFKC normalisation, then locale-independent case folding, then NFKC again, so
 * {@code Alice}, {@code ALICE} and the full-width {@code Ａｌｉｃｅ} are one handle. {@link #value()} keeps the spelling
 * the caller chose (after NFKC); {@link #key()} is what uniqueness is decided on.
 */
public final class Handle {
    public static final int MIN_LENGTH = 2;
    public static final int MAX_LENGTH = 24;

    /** Names nobody may register: they would impersonate the system or collide with dialogue words. */
    private static final Set<String> RESERVED = Set.of(
            "new", "sysop", "all", "guest", "system", "admin", "administrator", "root", "anonymous", "everyone",
            "nobody", "moderator", "auditor", "support", "help", "info", "postmaster", "abuse", "webmaster",
            "hostmaster", "security", "staff", "scrollback", "bbs", "server", "operator", "null", "undefined",
            "me", "you", "bye", "quit", "exit", "logoff", "goodbye", "forgot");

    private final String value;
    private final String key;

    public Handle(String raw) {
        if (raw == null) throw new InvalidValue("handle", "is required");
        if (raw.length() > MAX_LENGTH * 4) throw invalid();
        this.value = Normalizer.normalize(raw.strip(), Normalizer.Form.NFKC);
        if (!wellFormed(value)) throw invalid();
        this.key = fold(value);
        if (!foldedWellFormed(key)) throw invalid();
    }

    private static InvalidValue invalid() {
        return new InvalidValue("handle",
                "must be 2 to 24 letters, digits, '_' or '-', starting with a letter");
    }

    static String fold(String text) {
        var upper = text.toUpperCase(Locale.ROOT);       // ß -> SS, ﬁ -> FI: folds what lower-casing alone misses
        var lower = upper.toLowerCase(Locale.ROOT);      // ẞ (capital sharp s) has no upper form and lowers to ß,
        var again = lower.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);   // so a second round makes it ss too
        return Normalizer.normalize(again, Normalizer.Form.NFKC);
    }

    private static boolean wellFormed(String text) {
        int count = text.codePointCount(0, text.length());
        if (count < MIN_LENGTH || count > MAX_LENGTH) return false;
        if (!Character.isLetter(text.codePointAt(0))) return false;
        return text.codePoints().allMatch(c -> Character.isLetterOrDigit(c) || c == '_' || c == '-');
    }

    /**
     * The folded form may be longer than the value ({@code ß} folds to {@code ss}) and may carry combining marks that
     * case mapping adds ({@code İ} folds to {@code i} + U+0307), so only the value is held to the length and shape
     * rules; the key is checked to be safe in stream ids.
     */
    private static boolean foldedWellFormed(String text) {
        int count = text.codePointCount(0, text.length());
        if (count < MIN_LENGTH || count > MAX_LENGTH * 3) return false;
        if (!Character.isLetter(text.codePointAt(0))) return false;
        return text.codePoints().allMatch(c -> Character.isLetterOrDigit(c) || c == '_' || c == '-'
                || Character.getType(c) == Character.NON_SPACING_MARK || Character.getType(c) == Character.COMBINING_SPACING_MARK);
    }

    /** Whether this handle may not be registered (checked when it is claimed, not when it is read back). */
    public boolean isReserved() {
        return RESERVED.contains(key);
    }

    public String value() {
        return value;
    }

    /** The folded form that decides equality: safe to use in stream ids and index keys. */
    public String key() {
        return key;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Handle h && h.key.equals(key);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key);
    }

    @Override
    public String toString() {
        return value;
    }
}
