package dev.scrollback.domain.plugins;

import dev.scrollback.domain.shared.InvalidValue;
import dev.scrollback.domain.shared.UuidText;
import java.util.Objects;
import java.util.UUID;

/**
 * Identifies one submitted version of a plugin; its stream is {@code plugin-<uuid>}. The application mints them as
 * UUIDv7. A new version of a plugin is a new submission with a new id (see {@link PluginDecider}).
 */
public record PluginId(UUID value) {
    public PluginId {
        Objects.requireNonNull(value, "value");
    }

    /** Reads the canonical 36-character form only; anything else (including null) is refused. */
    public static PluginId parse(String text) {
        if (text == null || !UuidText.isCanonical(text)) throw new InvalidValue("pluginId", "is not a plugin id");
        return new PluginId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
