package dev.scrollback.adapters.sandbox.wasm;

import java.util.List;
import java.util.Objects;

/** The outcome of loading a module: a plugin ready to call, or every reason it was refused. */
public sealed interface PluginLoad {
    record Loaded(WasmPlugin plugin) implements PluginLoad {
        public Loaded {
            Objects.requireNonNull(plugin, "plugin");
        }
    }

    record Refused(List<String> reasons) implements PluginLoad {
        public Refused {
            reasons = List.copyOf(reasons);
            if (reasons.isEmpty()) throw new IllegalArgumentException("a refusal needs a reason");
        }
    }
}
