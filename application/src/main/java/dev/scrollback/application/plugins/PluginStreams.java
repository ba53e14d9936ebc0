package dev.scrollback.application.plugins;

import dev.scrollback.application.shared.StreamId;
import dev.scrollback.domain.plugins.PluginId;
import dev.scrollback.domain.shared.PluginName;

/** Where the plugins capability keeps its streams: one per submitted plugin version. */
public final class PluginStreams {
    private PluginStreams() {}

    public static StreamId plugin(PluginId plugin) {
        return StreamId.of("plugin", plugin.value());
    }

    /** What a plugin did, whichever version did it ({@code PluginActionEvent}): one stream per plugin name. */
    public static StreamId actions(PluginName name) {
        return StreamId.of("pluginactions", name.value());
    }

    /** When each of a plugin's schedules ran ({@code PluginScheduleFired}): one stream per plugin name. */
    public static StreamId schedule(PluginName name) {
        return StreamId.of("pluginschedule", name.value());
    }
}
