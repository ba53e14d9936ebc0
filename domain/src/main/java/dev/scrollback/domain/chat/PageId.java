package dev.scrollback.domain.chat;

import dev.scrollback.domain.shared.InvalidValue;
import dev.scrollback.domain.shared.UuidText;
import java.util.Objects;
import java.util.UUID;

/** Identifies one page (a short message that breaks into a caller's session); its stream is {@code page-<uuid>}. */
public record PageId(UUID value) {
    public PageId {
        Objects.requireNonNull(value, "value");
    }

    /** Reads the canonical 36-character form only; anything else (including null) is refused. */
    public static PageId parse(String text) {
        if (text == null || !UuidText.isCanonical(text)) throw new InvalidValue("pageId", "is not a page id");
        return new PageId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
