package dev.scrollback.domain.mail;

import dev.scrollback.domain.shared.InvalidValue;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/** Identifies one private message; its stream is {@code mail-<uuid>}. The application mints them as UUIDv7. */
public record PrivateMessageId(UUID value) {
    private static final Pattern CANONICAL =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    public PrivateMessageId {
        Objects.requireNonNull(value, "value");
    }

    /** Reads the canonical 36-character form only; anything else (including null) is refused. */
    public static PrivateMessageId parse(String text) {
        if (text == null || text.length() != 36 || !CANONICAL.matcher(text).matches()) {
            throw new InvalidValue("id", "is not a message id");
        }
        return new PrivateMessageId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
