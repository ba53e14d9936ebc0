package dev.scrollback.domain.mail;

import dev.scrollback.domain.shared.Erasure;
import dev.scrollback.domain.shared.InvalidValue;
import java.text.Normalizer;

/**
 * The text of a private message: 1 to 20,000 characters and at most 1,000 lines. Line ends are stored as {@code \n}
 * (CR LF and a lone CR become one), tabs are kept, trailing white space and blank lines are dropped; no other control
 * characters (see {@link MailText#forbidden}). The raw input is bounded before anything is done with it. Free text:
 * personal data (SPEC §3).
 */
public record MailBody(String value) {
    /** The value once its account is erased: its key is gone (see {@link Erasure}). */
    public static final MailBody ERASED = new MailBody(Erasure.MARK);

    public static final int MAX_CHARACTERS = 20_000;
    public static final int MAX_LINES = 1_000;

    public MailBody {
        if (!Erasure.is(value)) {
            if (value == null) throw new InvalidValue("body", "is required");
            if (value.length() > MAX_CHARACTERS * 2) throw MailText.tooLong("body", MAX_CHARACTERS);   // CR LF halves at most
            var text = Normalizer.normalize(value.replace("\r\n", "\n").replace('\r', '\n'), Normalizer.Form.NFC).stripTrailing();
            if (text.isBlank()) throw new InvalidValue("body", "is required");
            if (text.codePointCount(0, text.length()) > MAX_CHARACTERS) throw MailText.tooLong("body", MAX_CHARACTERS);
            if (text.codePoints().anyMatch(c -> MailText.forbidden(c, true))) {
                throw new InvalidValue("body", "may not contain control characters other than line ends and tabs");
            }
            if (text.chars().filter(c -> c == '\n').count() >= MAX_LINES) {
                throw new InvalidValue("body", "must be at most " + MAX_LINES + " lines");
            }
            value = text;
        }
    }

    /** The lines of the body, for showing it line by line. */
    public java.util.List<String> lines() {
        return java.util.List.of(value.split("\n", -1));
    }

    /** The body quoted for a reply: each line prefixed with "> " (">" alone for an empty line). */
    public String quoted() {
        var out = new StringBuilder();
        for (var line : lines()) out.append(line.isEmpty() ? ">" : "> " + line).append('\n');
        return out.toString();
    }

    /** Whether this is {@link #ERASED}: the value was destroyed with its account's key. */
    public boolean erased() {
        return Erasure.is(value);
    }
}
