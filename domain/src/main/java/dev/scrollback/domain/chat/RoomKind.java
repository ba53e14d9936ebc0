package dev.scrollback.domain.chat;

import java.util.Locale;
import java.util.Optional;

/** Who may join a room: anyone (a public room), or by invitation only (a private room). */
public enum RoomKind {
    PUBLIC, PRIVATE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind with this wire name ({@code public}, {@code private}), matched exactly; anything else is empty. */
    public static Optional<RoomKind> ofWireName(String name) {
        for (var kind : values()) if (kind.wireName().equals(name)) return Optional.of(kind);
        return Optional.empty();
    }
}
