package dev.scrollback.domain.mail;

import dev.scrollback.domain.shared.InvalidValue;
import java.text.Normalizer;

/**
 * The rules a mail's text follows, written for hostile input: the raw length is bounded before any work is done on it,
 * then NFC, then only printable characters. Refused everywhere: C0/C1 controls (ESC would let a sender repaint the
 * reader's terminal), Unicode line and paragraph separators, bidirectional overrides and isolates (which make text
 * read differently from what it is), and lone surrogates.
 */
final class MailText {
    private MailText() {}

    static boolean forbidden(int c, boolean multiLine) {
        if (multiLine && (c == '\n' || c == '\t')) return false;
        return Character.isISOControl(c)
                || c == 0x2028 || c == 0x2029
                || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)
                || Character.getType(c) == Character.SURROGATE;
    }

    static String oneLine(String field, String raw, int max) {
        if (raw == null) throw new InvalidValue(field, "is required");
        if (raw.length() > max * 4) throw tooLong(field, max);
        var text = Normalizer.normalize(raw, Normalizer.Form.NFC).strip();
        if (text.isEmpty()) throw new InvalidValue(field, "is required");
        if (text.codePointCount(0, text.length()) > max) throw tooLong(field, max);
        if (text.codePoints().anyMatch(c -> forbidden(c, false))) {
            throw new InvalidValue(field, "must be one line without control characters");
        }
        return text;
    }

    static InvalidValue tooLong(String field, int max) {
        return new InvalidValue(field, "must be at most " + max + " characters");
    }
}
