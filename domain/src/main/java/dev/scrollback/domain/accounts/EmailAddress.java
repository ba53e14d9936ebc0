package dev.scrollback.domain.accounts;

import dev.scrollback.domain.shared.Erasure;
import dev.scrollback.domain.shared.InvalidValue;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where a caller gets mail. Personal data (SPEC §3): {@link #toString()} masks it so it never lands in a log line. The
 * local part is a dot-atom (RFC 5322 atext, plus non-ASCII letters and digits): no quoting, and none of the specials
 * ({@code , ; < > " ( ) [ ] \ :}) that could smuggle a second recipient into a {@code To:} header.
 */
public record EmailAddress(String value) {
    /** The value once its account is erased: its key is gone (see {@link Erasure}). */
    public static final EmailAddress ERASED = new EmailAddress(Erasure.MARK);

    private static final Pattern SHAPE =
            Pattern.compile("[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~.-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");

    public EmailAddress {
        if (!Erasure.is(value)) {
            if (value == null) throw new InvalidValue("email", "is required");
            value = value.strip();
            if (value.length() > 254 || !SHAPE.matcher(value).matches()) {
                throw new InvalidValue("email", "is not an email address (expected name@example.org)");
            }
            int at = value.lastIndexOf('@');
            value = value.substring(0, at) + value.substring(at).toLowerCase(Locale.ROOT);   // domains are case-insensitive
        }
    }

    public String localPart() {
        if (erased()) return value;
        return value.substring(0, value.lastIndexOf('@'));
    }

    @Override
    public String toString() {
        if (erased()) return value;
        return value.charAt(0) + "***" + value.substring(value.lastIndexOf('@'));
    }

    /** Whether this is {@link #ERASED}: the value was destroyed with its account's key. */
    public boolean erased() {
        return Erasure.is(value);
    }
}
