package dev.scrollback.domain.plugins;

import dev.scrollback.domain.shared.InvalidValue;
import java.text.Normalizer;

/**
 * Rules for free text in manifests and reports, and for any text a plugin produces: NFC, bounded, no control
 * characters or bidi overrides.
 */
public final class PluginText {
    private PluginText() {}

    /**
     * {@code raw} stripped and in NFC, refused when blank, longer than {@code max} characters or holding a control
     * character; line breaks are kept only when {@code multiline}. Checked for length before normalising, so huge input
     * is refused cheaply.
     */
    static String checked(String field, String raw, int max, boolean multiline) {
        if (raw == null || raw.isBlank()) throw new InvalidValue(field, "is required");
        if (raw.length() > max * 4) throw tooLong(field, max);
        var text = Normalizer.normalize(raw.replace("\r\n", "\n"), Normalizer.Form.NFC).strip();
        if (text.codePointCount(0, text.length()) > max) throw tooLong(field, max);
        if (text.codePoints().anyMatch(c -> !(multiline && c == '\n') && forbidden(c))) {
            throw new InvalidValue(field, multiline ? "must not contain control characters other than line breaks"
                    : "must be one line without control characters");
        }
        return text;
    }

    /**
     * Text from a sandbox report (a trap message may hold whatever the plugin produced): never refused, since losing
     * the report would hide the fault; control characters become spaces and the rest is cut at {@code max}.
     */
    static String sanitized(String raw, int max) {
        if (raw == null) return "";
        var out = new StringBuilder();
        raw.codePoints().limit(max).forEach(c -> out.appendCodePoint(forbidden(c) ? ' ' : c));
        return out.toString().strip();
    }

    /**
     * C0 and C1 controls, unassigned and private-use code points, and the bidirectional overrides (Trojan Source): what
     * plugin text may never put in front of a reader.
     */
    public static boolean forbidden(int c) {
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.UNASSIGNED || type == Character.PRIVATE_USE
                || type == Character.SURROGATE || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }

    private static InvalidValue tooLong(String field, int max) {
        return new InvalidValue(field, "must be at most " + max + " characters");
    }
}
