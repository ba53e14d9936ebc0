package dev.scrollback.domain.sessions;

import dev.scrollback.domain.shared.InvalidValue;

/** The caller's terminal as negotiated (TTYPE, NAWS): its type name and its size in columns and rows. */
public record Terminal(String type, int width, int height) {
    public static final int MAX_SIDE = 1000;

    public Terminal {
        if (type == null || type.isBlank() || type.length() > 64 || !type.chars().allMatch(c -> c > 32 && c < 127)) {
            throw new InvalidValue("terminal", "type must be 1 to 64 printable ASCII characters");
        }
        if (width < 1 || width > MAX_SIDE || height < 1 || height > MAX_SIDE) {
            throw new InvalidValue("terminal", "size must be between 1 and " + MAX_SIDE);
        }
    }
}
