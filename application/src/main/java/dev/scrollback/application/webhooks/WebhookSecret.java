package dev.scrollback.application.webhooks;

import dev.scrollback.domain.shared.InvalidValue;
import java.util.Base64;

/**
 * A subscription's signing secret in the Standard Webhooks form: {@code whsec_} and the base64 of the key bytes
 * (at least {@value #MIN_BYTES}, at most {@value #MAX_BYTES}). Shown to the sysop once, at creation and at rotation;
 * kept in the subscription table, never in an event. {@link #toString()} hides it, so it cannot leak into a log line.
 */
public record WebhookSecret(String value) {
    public static final String PREFIX = "whsec_";
    public static final int MIN_BYTES = 24;
    public static final int MAX_BYTES = 64;

    public WebhookSecret {
        if (value == null || !value.startsWith(PREFIX) || value.length() > 200) {
            throw new InvalidValue("secret", "must be whsec_ and base64");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(value.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new InvalidValue("secret", "must be whsec_ and base64");
        }
        if (key.length < MIN_BYTES || key.length > MAX_BYTES) {
            throw new InvalidValue("secret", "must hold " + MIN_BYTES + " to " + MAX_BYTES + " bytes");
        }
    }

    /** The HMAC key: the base64 part, decoded. */
    public byte[] key() {
        return Base64.getDecoder().decode(value.substring(PREFIX.length()));
    }

    @Override
    public String toString() {
        return "whsec_…";
    }
}
