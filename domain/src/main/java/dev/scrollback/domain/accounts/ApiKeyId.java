package dev.scrollback.domain.accounts;

import dev.scrollback.domain.shared.InvalidValue;
import java.util.HexFormat;
import java.util.Objects;
import java.util.UUID;

/**
 * Identifies one API key; its stream is {@code apikey-<uuid>}. Not a secret: it is part of the key a caller presents
 * (as 32 hex digits, {@link #compact()}), so a presented key names its own stream and nothing is scanned.
 */
public record ApiKeyId(UUID value) {
    public ApiKeyId {
        Objects.requireNonNull(value, "value");
    }

    /** Reads the canonical 36-character UUID form only. */
    public static ApiKeyId parse(String text) {
        if (text == null || text.length() != 36 || !text.matches("[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}")) {
            throw new InvalidValue("id", "is not an API key id");
        }
        return new ApiKeyId(UUID.fromString(text));
    }

    /** The 32 lower-case hex digits written into a key (no dashes, so a double click selects the whole key). */
    public String compact() {
        return HexFormat.of().toHexDigits(value.getMostSignificantBits()) + HexFormat.of().toHexDigits(value.getLeastSignificantBits());
    }

    /** Reads {@link #compact()}; anything else is empty. */
    public static java.util.Optional<ApiKeyId> fromCompact(String hex) {
        if (hex.length() != 32 || !hex.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new ApiKeyId(new UUID(HexFormat.fromHexDigitsToLong(hex, 0, 16),
                HexFormat.fromHexDigitsToLong(hex, 16, 32))));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
