package dev.scrollback.adapters.sandbox.js;

import java.util.List;
import java.util.Objects;

/** The outcome of loading a script: a script ready to call, or every reason it was refused. */
public sealed interface ScriptLoad {
    record Loaded(JsScript script) implements ScriptLoad {
        public Loaded {
            Objects.requireNonNull(script, "script");
        }
    }

    record Refused(List<String> reasons) implements ScriptLoad {
        public Refused {
            reasons = List.copyOf(reasons);
            if (reasons.isEmpty()) throw new IllegalArgumentException("a refusal needs a reason");
        }
    }
}
