package dev.scrollback.domain.plugins;

import dev.scrollback.domain.shared.PluginName;
import java.time.Instant;
import java.util.Objects;

/**
 * The scheduler (the system, as actor) ran {@code version}'s {@code on_schedule} for the {@code slot} its
 * {@code schedule} gave. Stored on stream {@code pluginschedule-<name>}, each appended expecting the stream's version, so
 * that of several instances of the BBS exactly one runs each slot; a slot is never run twice and slots missed while no
 * instance ran are not made up. Names are a public contract.
 */
public record PluginScheduleFired(PluginName plugin, PluginId version, CronSchedule schedule, Instant slot, Instant at)
        implements PluginsEvent {
    public PluginScheduleFired {
        Objects.requireNonNull(plugin, "plugin");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(slot, "slot");
        Objects.requireNonNull(at, "at");
    }
}
