package dev.scrollback.application.plugins;

import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.domain.plugins.PluginId;

/**
 * In-port: a sysop reviews submitted plugins. {@link #approve} a plugin whose scan passed ({@code PluginApproved}), then
 * {@link #publish} it ({@code PluginPublished}) so that it can be installed. Each answers whether anything was recorded
 * (approving twice records nothing); out of order is {@code PluginRejected}, an unknown plugin {@code NoSuchPlugin},
 * anyone but a sysop {@code NotAllowed}.
 */
public interface ReviewPlugins {

    boolean approve(Caller caller, PluginId plugin, Origin origin);

    boolean publish(Caller caller, PluginId plugin, Origin origin);

    /**
     * Scans a submitted plugin again, from its kept package, before it is approved: when its first scan was never
     * recorded (the process stopped between the two), or after the scanner changed. Records {@code PluginScanned} only
     * if the verdict differs; answers the verdict.
     */
    PluginScanner.Verdict rescan(Caller caller, PluginId plugin, Origin origin);
}
