package dev.scrollback.adapters.sandbox.call;

import java.util.Objects;

/** How one plugin call ended. Never an exception: a fault is a result too. */
public sealed interface CallResult {
    CallLog log();

    /** The plugin returned 0 without setting an error; {@code output} is what it passed to {@code output_set}. */
    record Returned(byte[] output, CallLog log) implements CallResult {
        public Returned {
            output = output.clone();
            Objects.requireNonNull(log, "log");
        }

        @Override
        public byte[] output() {
            return output.clone();
        }
    }

    /** The plugin reported a failure itself: {@code error_set}, or a non-zero return code (Extism runtime rules). */
    record Failed(String message, CallLog log) implements CallResult {
        public Failed {
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(log, "log");
        }
    }

    /** The host stopped the call; the instance that ran it was discarded. */
    record Faulted(FaultKind kind, String detail, CallLog log) implements CallResult {
        public Faulted {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(detail, "detail");
            Objects.requireNonNull(log, "log");
        }
    }
}
