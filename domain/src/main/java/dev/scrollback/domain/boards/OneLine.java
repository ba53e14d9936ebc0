package dev.scrollback.domain.boards;

import dev.scrollback.domain.shared.InvalidValue;
import java.text.Normalizer;

/** The rules every one-line name or subject on the boards follows: NFC, stripped, bounded, no control characters. */
final class OneLine {
    private OneLine() {}

    static String of(String field, String raw, int max) {
        if (raw == null) throw new InvalidValue(field, "is required");
        if (raw.length() > max * 4) throw new InvalidValue(field, "is longer than " + max + " characters");
        var text = Normalizer.normalize(raw, Normalizer.Form.NFC).strip();
        if (text.isEmpty()) throw new InvalidValue(field, "is empty");
        if (text.codePointCount(0, text.length()) > max) throw new InvalidValue(field, "is longer than " + max + " characters");
        if (text.codePoints().anyMatch(c -> Character.isISOControl(c) || c == 0x2028 || c == 0x2029)) {
            throw new InvalidValue(field, "must be one line without control characters");
        }
        return text;
    }
}
