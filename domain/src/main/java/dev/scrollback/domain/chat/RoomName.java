package dev.scrollback.domain.chat;

import dev.scrollback.domain.shared.InvalidValue;
import java.text.Normalizer;
import java.util.Locale;

/**
 * A chat room's name: 2 to 32 characters of letters, digits, spaces and {@code - _ . ' & + # ! ? ( )}, with at least
 * one letter or digit; runs of spaces become one. Names are unique by {@link #key()}, so {@code Retro}, {@code RETRO}
 * and the full-width {@code Ｒｅｔｒｏ} are one name. {@link #value()} keeps the spelling the creator chose.
 */
public record RoomName(String value) {
    public static final int MIN = 2;
    public static final int MAX = 32;
    private static final String PUNCTUATION = "-_.'&+#!?()";

    public RoomName {
        if (value == null) throw new InvalidValue("name", "is required");
        if (value.length() > MAX * 4) throw shape();
        if (value.codePoints().anyMatch(ChatTextRules::forbidden)) throw shape();   // a line break is refused, not joined
        var text = Normalizer.normalize(value, Normalizer.Form.NFC).strip().replaceAll("\\p{Zs}+", " ");
        int length = text.codePointCount(0, text.length());
        if (length < MIN || length > MAX) throw shape();
        if (!text.codePoints().allMatch(RoomName::allowed) || text.codePoints().noneMatch(Character::isLetterOrDigit)) {
            throw shape();
        }
        value = text;
    }

    private static boolean allowed(int c) {
        return Character.isLetterOrDigit(c) || c == ' ' || PUNCTUATION.indexOf(c) >= 0
                || Character.getType(c) == Character.NON_SPACING_MARK || Character.getType(c) == Character.COMBINING_SPACING_MARK;
    }

    private static InvalidValue shape() {
        return new InvalidValue("name", "must be " + MIN + " to " + MAX + " letters, digits, spaces or " + PUNCTUATION
                + ", with at least one letter or digit");
    }

    /**
     * What uniqueness is decided on: NFKC (full-width and other compatibility forms become plain), then
     * locale-independent case folding ({@code ß} and {@code SS} agree), then NFKC again.
     */
    public String key() {
        var compatible = Normalizer.normalize(value, Normalizer.Form.NFKC);
        var folded = compatible.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT).toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
        return Normalizer.normalize(folded, Normalizer.Form.NFKC).replaceAll("\\p{Zs}+", " ");
    }

    @Override
    public String toString() {
        return value;
    }
}
