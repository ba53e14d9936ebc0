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
     * The plugin was not called, through no fault of its own: it was busy past the deadline, the caller was
     * interrupted, the input was over its {@code max_input_bytes}, or it is closed.
     */
    record NotRun(String why) implements HookCall {
        public NotRun {
            Objects.requireNonNull(why, "why");
        }

        @Override
        public List<String> log() {
            return List.of();
        }

        @Override
        public List<StorageChange> writes() {
            return List.of();
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
