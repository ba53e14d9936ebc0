package dev.scrollback.application.hooks;

import dev.scrollback.domain.shared.PluginName;
import java.util.Objects;
import java.util.UUID;

/**
 * What a plugin asks to reply in a board thread: in the thread with id {@code thread}, the message {@code text}.
 * {@code version} is the id of the plugin version asking, the actor of what it records.
 */
public record PluginReply(PluginName plugin, UUID version, UUID thread, String text) {
    public PluginReply {
        Objects.requireNonNull(plugin, "plugin");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(thread, "thread");
        Objects.requireNonNull(text, "text");
    }
}
