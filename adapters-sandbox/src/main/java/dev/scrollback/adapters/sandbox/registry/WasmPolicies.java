package dev.scrollback.adapters.sandbox.registry;

import dev.scrollback.adapters.sandbox.call.LogLevel;
import dev.scrollback.adapters.sandbox.wasm.HostPermission;
import dev.scrollback.adapters.sandbox.wasm.WasmLimits;
import dev.scrollback.adapters.sandbox.wasm.WasmPolicy;
import dev.scrollback.domain.plugins.Hook;
import dev.scrollback.domain.plugins.Permission;
import dev.scrollback.domain.plugins.PluginManifest;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a manifest allows a WebAssembly plugin, in the engine's terms: the host functions of its granted permissions, and
 * its limits as the manifest asks (the domain already held them to the BBS's ceilings: 64 MiB of memory, 1 MiB of
 * output, 16 MiB of storage). One place, so that the scan and the runtime judge a module by the same policy.
 */
public final class WasmPolicies {
    private WasmPolicies() {}

    public static WasmPolicy of(PluginManifest manifest) {
        var granted = EnumSet.noneOf(HostPermission.class);
        if (manifest.grants(Permission.Kind.KV_STORAGE)) granted.add(HostPermission.KEY_VALUE);
        if (manifest.grants(Permission.Kind.HTTP)) granted.add(HostPermission.HTTP);
        if (manifest.grants(Permission.Kind.POST_MESSAGE)) granted.add(HostPermission.POST_MESSAGE);
        if (manifest.grants(Permission.Kind.READ_USER)) granted.add(HostPermission.READ_USER);
        var asked = manifest.limits();
        var limits = WasmLimits.defaults()
                .withMaxMemoryPages(Math.toIntExact(asked.wasmPages()))
                .withMaxOutputBytes(Math.toIntExact(asked.maxOutputBytes()))
                .withMaxVarBytes(Math.toIntExact(asked.maxKeyValueBytes()));
        return new WasmPolicy(granted, limits, LogLevel.INFO);
    }

    /** A plugin's exports are named after its hooks. */
    public static Set<String> exports(PluginManifest manifest) {
        return manifest.hooks().stream().map(Hook::wireName).collect(Collectors.toUnmodifiableSet());
    }
}
