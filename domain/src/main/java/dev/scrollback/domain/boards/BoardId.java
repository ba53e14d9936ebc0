package dev.scrollback.domain.boards;

import dev.scrollback.domain.shared.InvalidValue;
import dev.scrollback.domain.shared.UuidText;
import java.util.Objects;
import java.util.UUID;

/** Identifies a board. */
public record BoardId(UUID value) {
    public BoardId {
        Objects.requireNonNull(value, "value");
    }

    /** Reads the canonical 36-character form only. */
    public static BoardId parse(String text) {
        if (text == null || !UuidText.isCanonical(text)) throw new InvalidValue("boardId", "is not a board id");
        return new BoardId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
