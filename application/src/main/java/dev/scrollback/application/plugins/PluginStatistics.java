package dev.scrollback.application.plugins;

import dev.scrollback.application.accounts.Caller;
import dev.scrollback.domain.plugins.PluginId;
import java.util.List;
import java.util.Optional;

/**
 * In-port: how each plugin this instance runs has done since the instance started (calls, failures, faults, latency)
 * and whether it is running; for sysops ({@code NotAllowed} otherwise). Counted per instance, in memory: the log holds
 * the faults, not every call.
 */
public interface PluginStatistics {

    /** Every plugin version this instance has loaded or tried to load, by name. */
    List<PluginStats> statistics(Caller caller);

    /** One plugin version's figures; empty if this instance never loaded it. */
    Optional<PluginStats> statistics(Caller caller, PluginId plugin);
}
