package dev.scrollback.domain.plugins;

import dev.scrollback.domain.shared.InvalidValue;
import java.util.regex.Pattern;

/**
 * Names the key whose signature over a plugin's package the sandbox checked before it was installed (a fingerprint or
 * a key id, as the signing adapter prints it): 1 to {@value #MAX} ASCII letters, digits and {@code . _ : -}.
 */
public record PublisherKeyId(String value) {
    public static final int MAX = 128;
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9._:-]{1," + MAX + "}");

    public PublisherKeyId {
        if (value == null || value.length() > MAX || !SHAPE.matcher(value).matches()) {
            throw new InvalidValue("publisherKey", "must be 1 to " + MAX + " ASCII letters, digits, '.', '_', ':' or '-'");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
