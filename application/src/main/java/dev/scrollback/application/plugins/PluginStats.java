package dev.scrollback.application.plugins;

import dev.scrollback.domain.plugins.PluginId;
import dev.scrollback.domain.plugins.PluginVersion;
import dev.scrollback.domain.shared.PluginName;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One plugin version's figures on this instance.
 *
 * @param state     whether its hooks are being called
 * @param problem   why it is not running, when it was refused at load
 * @param calls     hook calls made (each ends as an answer, a failure or a fault)
 * @param failures  calls the plugin itself failed ({@code error_set}, a non-zero code, a script that threw)
 * @param faults    calls the sandbox stopped ({@code PluginFaulted})
 * @param skipped   calls not made: the input was over the plugin's {@code max_input_bytes}, or the plugin was busy
 * @param p50       median latency of the calls made, when there were any
 * @param p99       99th percentile latency
 * @param recentLog the last lines the plugin logged, oldest first
 */
public record PluginStats(PluginId plugin, PluginName name, PluginVersion version, RunState state, Optional<String> problem,
                          long calls, long failures, long faults, long skipped, Optional<Duration> p50,
                          Optional<Duration> p99, List<String> recentLog) {
    public PluginStats {
        Objects.requireNonNull(plugin, "plugin");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(p50, "p50");
        Objects.requireNonNull(p99, "p99");
        recentLog = List.copyOf(recentLog);
    }

    /** Where a plugin version is on this instance. */
    public enum RunState {
        /** Enabled, its package being loaded. */
        LOADING,
        /** Loaded; its hooks are called. */
        RUNNING,
        /** Enabled, but its package could not be loaded ({@link #problem()} says why). */
        REFUSED,
        /** Disabled or uninstalled after running here; its figures are kept until the instance stops. */
        STOPPED;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
