package dev.scrollback.domain.shared;

/**
 * The erased form of personal data (SPEC §3): once an account is erased its key is destroyed, and every personal value
 * it held reads back as its type's {@code ERASED} constant, whose text is {@link #MARK}. The mark is a string of its
 * own (never the interned literal), so that only the constants carry it: a caller who types "(erased)" writes an
 * ordinary value, checked like any other, and {@link #is} tells the two apart by identity.
 */
public final class Erasure {
    /** The text an erased value shows wherever it is printed. */
    @SuppressWarnings("StringOperationCanBeSimplified")
    public static final String MARK = new String("(erased)");

    private Erasure() {}

    /** Whether {@code value} is the erased mark itself (not merely the same text). */
    @SuppressWarnings("StringEquality")
    public static boolean is(String value) {
        return value == MARK;
    }
}
