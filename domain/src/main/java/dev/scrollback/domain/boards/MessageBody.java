package dev.scrollback.domain.boards;

import dev.scrollback.domain.shared.Erasure;
import dev.scrollback.domain.shared.InvalidValue;
import java.text.Normalizer;

/**
 * The text of a message: 1 to 20,000 characters and at most 1,000 lines, line ends stored as {@code \n} (CR LF and lone
 * CR are turned into it), tabs kept, trailing blank lines dropped, no other control characters. What terminals show is
 * decided when it is shown, so the body is stored as typed.
 */
public record MessageBody(String value) {
    /** The value once its account is erased: its key is gone (see {@link Erasure}). */
    public static final MessageBody ERASED = new MessageBody(Erasure.MARK);

    public static final int MAX_CHARACTERS = 20_000;
    public static final int MAX_LINES = 1_000;

    public MessageBody {
        if (!Erasure.is(value)) {
            if (value == null) throw new InvalidValue("body", "is required");
            if (value.length() > MAX_CHARACTERS * 2) throw new InvalidValue("body", "is longer than " + MAX_CHARACTERS + " characters");
            var text = Normalizer.normalize(value.replace("\r\n", "\n").replace('\r', '\n'), Normalizer.Form.NFC).stripTrailing();
            if (text.isBlank()) throw new InvalidValue("body", "is empty");
            if (text.codePointCount(0, text.length()) > MAX_CHARACTERS) {
                throw new InvalidValue("body", "is longer than " + MAX_CHARACTERS + " characters");
            }
            if (text.codePoints().anyMatch(c -> c != '\n' && c != '\t' && (Character.isISOControl(c) || c == 0x2028 || c == 0x2029))) {
                throw new InvalidValue("body", "contains control characters");
            }
            if (text.chars().filter(c -> c == '\n').count() >= MAX_LINES) throw new InvalidValue("body", "has more than " + MAX_LINES + " lines");
            value = text;
        }
    }

    /** The body quoted for a reply: each line prefixed with "> " (">" alone for an empty line). */
    public String quoted() {
        var out = new StringBuilder();
        for (var line : value.split("\n", -1)) out.append(line.isEmpty() ? ">" : "> " + line).append('\n');
        return out.toString();
    }

    /** Whether this is {@link #ERASED}: the value was destroyed with its account's key. */
    public boolean erased() {
        return Erasure.is(value);
    }
}
