package dev.scrollback.domain.chat;

import dev.scrollback.domain.shared.InvalidValue;
import java.text.Normalizer;

/**
 * The rules every piece of chat text follows, written for hostile input: the raw length is bounded before any work is
 * done on it, then NFC, stripped, then printable characters only. Refused: C0 and C1 controls (ESC would let a caller
 * repaint every other caller's terminal, a bell would ring it), Unicode line and paragraph separators (a line is one
 * line), bidirectional overrides and isolates (text that reads differently from what it is), and lone surrogates.
 */
final class ChatTextRules {
    private ChatTextRules() {}

    static boolean forbidden(int c) {
        return Character.isISOControl(c)
                || c == 0x2028 || c == 0x2029
                || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)
                || Character.getType(c) == Character.SURROGATE;
    }

    /** {@code raw} as one line of 1 to {@code max} characters; {@code field} names it in a refusal. */
    static String oneLine(String field, String raw, int max) {
        if (raw == null) throw new InvalidValue(field, "is required");
        if (raw.length() > max * 4) throw tooLong(field, max);      // before normalising: a 10 MB line costs nothing
        var text = Normalizer.normalize(raw, Normalizer.Form.NFC).strip();
        if (text.isEmpty()) throw new InvalidValue(field, "is required");
        if (text.codePoints().anyMatch(ChatTextRules::forbidden)) {
            throw new InvalidValue(field, "must be one line without control characters");
        }
        if (text.codePointCount(0, text.length()) > max) throw tooLong(field, max);
        return text;
    }

    static InvalidValue tooLong(String field, int max) {
        return new InvalidValue(field, "must be at most " + max + " characters");
    }
}
