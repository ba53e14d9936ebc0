package dev.scrollback.domain.chat;

import dev.scrollback.domain.shared.InvalidValue;
import dev.scrollback.domain.shared.UuidText;
import java.util.Objects;
import java.util.UUID;

/** Identifies a chat room; its stream is {@code chatroom-<uuid>}. The application mints them as UUIDv7. */
public record ChatRoomId(UUID value) {
    public ChatRoomId {
        Objects.requireNonNull(value, "value");
    }

    /** Reads the canonical 36-character form only; anything else (including null) is refused. */
    public static ChatRoomId parse(String text) {
        if (text == null || !UuidText.isCanonical(text)) throw new InvalidValue("roomId", "is not a chat room id");
        return new ChatRoomId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
