package dev.scrollback.adapters.sandbox.registry;

import dev.scrollback.adapters.sandbox.wasm.ModuleVerdict;
import dev.scrollback.adapters.sandbox.wasm.WasmModuleCheck;
import dev.scrollback.application.plugins.PluginScanner;
import dev.scrollback.domain.plugins.PluginManifest;
import java.util.List;

/**
 * The automated scan of a submitted package (issue 6 item 5), by the engine that would run it, without running it: a
 * WebAssembly module is checked by {@link WasmModuleCheck} against the policy its manifest asks for (imports against
 * permissions, one bounded memory, bounded tables, no GC types, no start section, an export for every hook). Scripts
 * are refused for now: the JavaScript engine is not part of this BBS yet, and a scan that passed them would let them
 * be approved for an engine that cannot run them.
 */
public final class SandboxScanner implements PluginScanner {

    @Override
    public Verdict scan(PluginManifest manifest, byte[] code) {
        return switch (manifest.engine()) {
            case WASM -> switch (WasmModuleCheck.check(code, WasmPolicies.exports(manifest), WasmPolicies.of(manifest))) {
                case ModuleVerdict.Accepted accepted -> new Verdict(true, List.of());
                case ModuleVerdict.Refused refused -> new Verdict(false, refused.reasons());
            };
            case JS -> new Verdict(false, List.of("scripts cannot be scanned yet: this BBS does not run the js engine yet"));
        };
    }
}
