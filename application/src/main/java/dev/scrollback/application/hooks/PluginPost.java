package dev.scrollback.application.hooks;

import dev.scrollback.domain.shared.PluginName;
import java.util.Objects;
import java.util.UUID;

/**
 * What a plugin asks to say: in the chat room named {@code room} (as callers type its name), the line {@code text}.
 * {@code version} is the id of the plugin version asking, the actor of what it records.
 */
public record PluginPost(PluginName plugin, UUID version, String room, String text) {
    public PluginPost {
        Objects.requireNonNull(plugin, "plugin");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(text, "text");
    }
}
