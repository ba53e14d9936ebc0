package dev.scrollback.adapters.sandbox.wasm;

import dev.scrollback.adapters.sandbox.call.LogLevel;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What one plugin is granted: host permissions, limits, and the lowest log level collected.
 * Built by the host from the plugin's manifest; the engine knows nothing of manifests.
 */
public record WasmPolicy(Set<HostPermission> permissions, WasmLimits limits, LogLevel logLevel) {
    public WasmPolicy {
        permissions = permissions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(permissions));
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(logLevel, "logLevel");
    }

    /** No permissions, default limits, INFO and above logged. */
    public static WasmPolicy restrictive() {
        return new WasmPolicy(Set.of(), WasmLimits.defaults(), LogLevel.INFO);
    }

    public WasmPolicy granting(HostPermission... more) {
        var all = EnumSet.noneOf(HostPermission.class);
        all.addAll(permissions);
        all.addAll(Set.of(more));
        return new WasmPolicy(all, limits, logLevel);
    }

    public WasmPolicy withLimits(WasmLimits newLimits) {
        return new WasmPolicy(permissions, newLimits, logLevel);
    }

    public boolean grants(HostPermission permission) {
        return permissions.contains(permission);
    }
}
