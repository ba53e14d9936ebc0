package dev.scrollback.application.plugins;

import dev.scrollback.application.shared.StreamId;
import dev.scrollback.domain.plugins.PluginId;

/** Where the plugins capability keeps its streams: one per submitted plugin version. */
public final class PluginStreams {
    private PluginStreams() {}

    public static StreamId plugin(PluginId plugin) {
        return StreamId.of("plugin", plugin.value());
    }
}
