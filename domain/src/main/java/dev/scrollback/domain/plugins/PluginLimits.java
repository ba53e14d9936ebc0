package dev.scrollback.domain.plugins;

import dev.scrollback.domain.shared.InvalidValue;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The hard limits one plugin runs under (SPEC §5). Each has a default, which a manifest may lower, and a ceiling this
 * BBS enforces: a manifest may ask for anything from the floor up to the ceiling, never more, and asking for more is
 * an error, not a silent cap (the author should learn that their plugin will not get what it expects).
 *
 * <ul>
 * <li>{@code memoryBytes}: a WASM module's linear memory cap, or a script's allocation budget; whole 64 KiB WASM pages
 * so both engines read it alike. 16 MiB by default, at most 64 MiB.
 * <li>{@code maxInputBytes}, {@code maxOutputBytes}: what one call hands the plugin and what it may hand back. 64 KiB,
 * at most 1 MiB (a message or menu is far smaller; a larger answer is a fault, not a truncation).
 * <li>{@code maxLogBytesPerCall}: what one call may log before the rest is dropped. 4 KiB, at most 64 KiB.
 * <li>{@code maxKeyValueBytes}: the plugin's whole key-value store. 1 MiB, at most 16 MiB.
 * <li>{@code statementLimit}: statements one script call may run (JS; WASM is bounded by its deadline). 1 million, at
 * most 50 million.
 * <li>{@code stackDepth}: nested calls one call may make. 256, at most 1024.
 * <li>{@code deadlines}: per hook, what the manifest asked for; the others use {@link Hook#defaultDeadline()}. From
 * 1 ms up to {@link #DEADLINE_CEILING}, which leaves a slow {@code handle_command} room and still frees the worker.
 * </ul>
 */
public record PluginLimits(long memoryBytes, long maxInputBytes, long maxOutputBytes, long maxLogBytesPerCall,
                           long maxKeyValueBytes, long statementLimit, int stackDepth, Map<Hook, Duration> deadlines) {
    public static final long KIB = 1024;
    public static final long MIB = 1024 * KIB;
    public static final long WASM_PAGE = 64 * KIB;

    public static final long DEFAULT_MEMORY = 16 * MIB;
    public static final long MEMORY_CEILING = 64 * MIB;
    public static final long DEFAULT_INPUT = 64 * KIB;
    public static final long INPUT_CEILING = MIB;
    public static final long DEFAULT_OUTPUT = 64 * KIB;
    public static final long OUTPUT_CEILING = MIB;
    public static final long DEFAULT_LOG = 4 * KIB;
    public static final long LOG_CEILING = 64 * KIB;
    public static final long DEFAULT_KEY_VALUE = MIB;
    public static final long KEY_VALUE_CEILING = 16 * MIB;
    public static final long DEFAULT_STATEMENTS = 1_000_000;
    public static final long STATEMENT_CEILING = 50_000_000;
    public static final int DEFAULT_STACK_DEPTH = 256;
    public static final int STACK_DEPTH_CEILING = 1024;
    public static final Duration DEADLINE_FLOOR = Duration.ofMillis(1);
    public static final Duration DEADLINE_CEILING = Duration.ofSeconds(2);

    public PluginLimits {
        within("memory_bytes", memoryBytes, WASM_PAGE, MEMORY_CEILING);
        if (memoryBytes % WASM_PAGE != 0) {
            throw new InvalidValue("limits", "memory_bytes must be a whole number of 64 KiB pages (" + WASM_PAGE + " bytes)");
        }
        within("max_input_bytes", maxInputBytes, 1, INPUT_CEILING);
        within("max_output_bytes", maxOutputBytes, 1, OUTPUT_CEILING);
        within("max_log_bytes_per_call", maxLogBytesPerCall, 0, LOG_CEILING);
        within("max_kv_bytes", maxKeyValueBytes, 0, KEY_VALUE_CEILING);
        within("statement_limit", statementLimit, 1, STATEMENT_CEILING);
        within("stack_depth", stackDepth, 1, STACK_DEPTH_CEILING);
        if (deadlines == null) throw new InvalidValue("limits", "deadlines are required (empty for the defaults)");
        var ordered = new EnumMap<Hook, Duration>(Hook.class);
        for (var entry : deadlines.entrySet()) {
            var deadline = entry.getValue();
            if (deadline == null || deadline.compareTo(DEADLINE_FLOOR) < 0 || deadline.compareTo(DEADLINE_CEILING) > 0) {
                throw new InvalidValue("limits", "the deadline of " + entry.getKey().wireName() + " must be from "
                        + DEADLINE_FLOOR.toMillis() + " to " + DEADLINE_CEILING.toMillis() + " ms");
            }
            ordered.put(entry.getKey(), deadline);
        }
        deadlines = Collections.unmodifiableMap(ordered);           // in hook order, so two equal limits print alike
    }

    private static void within(String name, long value, long floor, long ceiling) {
        if (value < floor) throw new InvalidValue("limits", name + " must be at least " + floor);
        if (value > ceiling) {
            throw new InvalidValue("limits", name + " asks for " + value + ", more than the " + ceiling + " this BBS allows");
        }
    }

    /** Every limit at its default. */
    public static PluginLimits defaults() {
        return new PluginLimits(DEFAULT_MEMORY, DEFAULT_INPUT, DEFAULT_OUTPUT, DEFAULT_LOG, DEFAULT_KEY_VALUE,
                DEFAULT_STATEMENTS, DEFAULT_STACK_DEPTH, Map.of());
    }

    /** How long a call of {@code hook} may run: what the manifest asked for, else the hook's default. */
    public Duration deadline(Hook hook) {
        return deadlines.getOrDefault(hook, hook.defaultDeadline());
    }

    /** {@link #memoryBytes} in 64 KiB WebAssembly pages. */
    public long wasmPages() {
        return memoryBytes / WASM_PAGE;
    }

    public PluginLimits withMemoryBytes(long bytes) {
        return new PluginLimits(bytes, maxInputBytes, maxOutputBytes, maxLogBytesPerCall, maxKeyValueBytes, statementLimit,
                stackDepth, deadlines);
    }

    public PluginLimits withMaxInputBytes(long bytes) {
        return new PluginLimits(memoryBytes, bytes, maxOutputBytes, maxLogBytesPerCall, maxKeyValueBytes, statementLimit,
                stackDepth, deadlines);
    }

    public PluginLimits withMaxOutputBytes(long bytes) {
        return new PluginLimits(memoryBytes, maxInputBytes, bytes, maxLogBytesPerCall, maxKeyValueBytes, statementLimit,
                stackDepth, deadlines);
    }

    public PluginLimits withMaxLogBytesPerCall(long bytes) {
        return new PluginLimits(memoryBytes, maxInputBytes, maxOutputBytes, bytes, maxKeyValueBytes, statementLimit,
                stackDepth, deadlines);
    }

    public PluginLimits withMaxKeyValueBytes(long bytes) {
        return new PluginLimits(memoryBytes, maxInputBytes, maxOutputBytes, maxLogBytesPerCall, bytes, statementLimit,
                stackDepth, deadlines);
    }

    public PluginLimits withStatementLimit(long statements) {
        return new PluginLimits(memoryBytes, maxInputBytes, maxOutputBytes, maxLogBytesPerCall, maxKeyValueBytes, statements,
                stackDepth, deadlines);
    }

    public PluginLimits withStackDepth(int depth) {
        return new PluginLimits(memoryBytes, maxInputBytes, maxOutputBytes, maxLogBytesPerCall, maxKeyValueBytes, statementLimit,
                depth, deadlines);
    }

    public PluginLimits withDeadline(Hook hook, Duration deadline) {
        var more = new EnumMap<Hook, Duration>(Hook.class);
        more.putAll(deadlines);
        more.put(hook, deadline);
        return new PluginLimits(memoryBytes, maxInputBytes, maxOutputBytes, maxLogBytesPerCall, maxKeyValueBytes, statementLimit,
                stackDepth, more);
    }
}
