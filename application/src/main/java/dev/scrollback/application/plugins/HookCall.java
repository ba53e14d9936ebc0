package dev.scrollback.application.plugins;

import dev.scrollback.domain.plugins.FaultKind;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How one hook call ended. Whatever the ending, the storage writes the call made are reported (they happened), and so
 * are the lines it logged.
 */
public sealed interface HookCall {
    List<String> log();

    List<StorageChange> writes();

    /** The plugin answered. */
    record Answered(HookAnswer answer, List<String> log, List<StorageChange> writes) implements HookCall {
        public Answered {
            Objects.requireNonNull(answer, "answer");
            log = List.copyOf(log);
            writes = List.copyOf(writes);
        }
    }

    /** The plugin said it failed ({@code error_set}, a non-zero code, a script that threw): its message. */
    record Failed(String message, List<String> log, List<StorageChange> writes) implements HookCall {
        public Failed {
            Objects.requireNonNull(message, "message");
            log = List.copyOf(log);
            writes = List.copyOf(writes);
        }
    }

    /** The sandbox stopped the call: a fault of the plugin's, recorded as {@code PluginFaulted}. */
    record Faulted(FaultKind kind, String detail, List<String> log, List<StorageChange> writes) implements HookCall {
        public Faulted {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(detail, "detail");
            log = List.copyOf(log);
            writes = List.copyOf(writes);
        }
    }

    /**
     * The call did not run to an end, through no fault of the plugin's: it was not made (busy past the deadline, the
     * input over its {@code max_input_bytes}, the plugin closed), or it was stopped for the host's sake (the caller was
     * interrupted, or the host was too busy to give it its time). What such a call had written is still reported.
     */
    record NotRun(String why, List<String> log, List<StorageChange> writes) implements HookCall {
        public NotRun {
            Objects.requireNonNull(why, "why");
            log = List.copyOf(log);
            writes = List.copyOf(writes);
        }

        /** A call that was not made: nothing logged, nothing written. */
        public NotRun(String why) {
            this(why, List.of(), List.of());
        }
    }

    /** One key of the plugin's key-value storage, set to {@code value} or deleted (empty). */
    record StorageChange(String key, Optional<byte[]> value) {
        public StorageChange {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
        }
    }
}
