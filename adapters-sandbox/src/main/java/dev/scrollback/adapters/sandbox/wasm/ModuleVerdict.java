package dev.scrollback.adapters.sandbox.wasm;

import com.dylibso.chicory.wasm.WasmModule;
import java.util.List;
import java.util.Objects;

/** What {@link WasmModuleCheck} found: a module fit to run, or every reason it is not. */
public sealed interface ModuleVerdict {
    record Accepted(WasmModule module) implements ModuleVerdict {
        public Accepted {
            Objects.requireNonNull(module, "module");
        }
    }

    record Refused(List<String> reasons) implements ModuleVerdict {
        public Refused {
            reasons = List.copyOf(reasons);
            if (reasons.isEmpty()) throw new IllegalArgumentException("a refusal needs a reason");
        }
    }
}
