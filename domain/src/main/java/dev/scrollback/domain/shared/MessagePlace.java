package dev.scrollback.domain.shared;

import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * Where a message is said: a board (by its id and name) or a chat room. Shared so that capabilities which only pass a
 * message along (the plugin hooks, the events of what plugins did to it) need not know boards or chat.
 */
public record MessagePlace(Kind kind, UUID id, String name) {
    public enum Kind {
        BOARD, CHAT;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public MessagePlace {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }

    public static MessagePlace board(UUID id, String name) {
        return new MessagePlace(Kind.BOARD, id, name);
    }

    public static MessagePlace chat(UUID id, String name) {
        return new MessagePlace(Kind.CHAT, id, name);
    }
}
