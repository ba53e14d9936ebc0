package dev.scrollback.domain.accounts;

import dev.scrollback.domain.shared.InvalidValue;
import java.util.regex.Pattern;

/**
 * The id ({@code kid}) of a key that signs callers' tokens: base64url characters, as the RFC 7638 thumbprints we use
 * are. Public: it is in every token's header and in the JWKS.
 */
public record SigningKeyId(String value) {
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public SigningKeyId {
        if (value == null || value.length() > 64 || !SHAPE.matcher(value).matches()) {
            throw new InvalidValue("kid", "must be 1 to 64 base64url characters");
        }
    }

    /** Whether {@code text} would make a valid id: for input a stranger chose, checked before any lookup. */
    public static boolean isValid(String text) {
        return text != null && text.length() <= 64 && SHAPE.matcher(text).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
