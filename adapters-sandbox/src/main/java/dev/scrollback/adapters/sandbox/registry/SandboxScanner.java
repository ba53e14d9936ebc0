package dev.scrollback.adapters.sandbox.registry;

import dev.scrollback.adapters.sandbox.js.JsEngine;
import dev.scrollback.adapters.sandbox.js.JsPolicy;
import dev.scrollback.adapters.sandbox.wasm.ModuleVerdict;
import dev.scrollback.adapters.sandbox.wasm.WasmModuleCheck;
import dev.scrollback.adapters.sandbox.watchdog.Watchdog;
import dev.scrollback.application.plugins.PluginScanner;
import dev.scrollback.domain.plugins.PluginManifest;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The automated scan of a submitted package (issue 6 item 5), by the engine that would run it, without running it: a
 * WebAssembly module is checked by {@link WasmModuleCheck} against the policy its manifest asks for (imports against
 * permissions, one bounded memory, bounded tables, no GC types, no start section, an export for every hook); a script
 * is parsed by GraalJS ({@link JsEngine#check}: size, hook names, syntax). GraalJS's engine is made at the first script
 * scanned (it takes most of a second), not at start.
 */
public final class SandboxScanner implements PluginScanner, AutoCloseable {
    private final Watchdog watchdog;
    private JsEngine js;                                   // guarded by this

    public SandboxScanner(Watchdog watchdog) {
        this.watchdog = watchdog;
    }

    @Override
    public Verdict scan(PluginManifest manifest, byte[] code) {
        return switch (manifest.engine()) {
            case WASM -> switch (WasmModuleCheck.check(code, WasmPolicies.exports(manifest), WasmPolicies.of(manifest))) {
                case ModuleVerdict.Accepted accepted -> new Verdict(true, List.of());
                case ModuleVerdict.Refused refused -> new Verdict(false, refused.reasons());
            };
            case JS -> {
                var problems = js().check(manifest.entryPoint().value(), new String(code, StandardCharsets.UTF_8),
                        WasmPolicies.exports(manifest), JsPolicy.restrictive());
                yield new Verdict(problems.isEmpty(), problems);
            }
        };
    }

    private synchronized JsEngine js() {
        if (js == null) js = new JsEngine(watchdog);
        return js;
    }

    @Override
    public synchronized void close() {
        if (js != null) js.close();
    }
}
