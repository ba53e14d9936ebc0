package dev.scrollback.adapters.sandbox.js;

import java.time.Duration;
import java.util.Objects;

/**
 * Hard limits for one script. Everything a script can make the host hold or spend is bounded by one of these, or by
 * the caps the engine sets for every script on single allocations ({@link JsEngine#MAX_STRING_CHARS},
 * {@link JsEngine#MAX_BUFFER_BYTES}; decision 0017 says what they leave).
 *
 * @param maxScriptBytes   size of the source text in UTF-8, checked before parsing
 * @param maxInputBytes    largest input a hook is called with
 * @param maxOutputBytes   largest string a hook may return, in UTF-8
 * @param statementLimit   statements one call (or the load) may run; past it the context is closed
 * @param allocationBytes  bytes the calling thread may allocate during one call (or the load), read by the watchdog
 * @param maxLogLines      log lines kept per call; more are dropped and counted
 * @param maxLogLineBytes  bytes kept of one log line (and of a {@code config} key)
 * @param maxErrorBytes    bytes kept of what a failing hook threw
 * @param loadTimeout      deadline for the script's top-level code at load
 */
public record JsLimits(
        int maxScriptBytes,
        int maxInputBytes,
        int maxOutputBytes,
        long statementLimit,
        long allocationBytes,
        int maxLogLines,
        int maxLogLineBytes,
        int maxErrorBytes,
        Duration loadTimeout) {

    public JsLimits {
        positive("maxScriptBytes", maxScriptBytes);
        positive("maxInputBytes", maxInputBytes);
        positive("maxOutputBytes", maxOutputBytes);
        positive("statementLimit", statementLimit);
        positive("allocationBytes", allocationBytes);
        if (maxLogLines < 0) throw new IllegalArgumentException("maxLogLines must be >= 0");
        positive("maxLogLineBytes", maxLogLineBytes);
        positive("maxErrorBytes", maxErrorBytes);
        Objects.requireNonNull(loadTimeout, "loadTimeout");
        if (loadTimeout.isNegative() || loadTimeout.isZero()) throw new IllegalArgumentException("loadTimeout must be > 0");
    }

    /**
     * 256 KiB script, 64 KiB input, 1 MiB output, 10 million statements, 256 MiB allocated per call (garbage counts:
     * the interpreter allocates its frames on the heap), 100 × 1 KiB logs, 4 KiB errors, 2 s for the top-level code
     * (the first context of a JVM is slow).
     */
    public static JsLimits defaults() {
        return new JsLimits(256 << 10, 64 << 10, 1 << 20, 10_000_000, 256L << 20, 100, 1024, 4096, Duration.ofSeconds(2));
    }

    public JsLimits withMaxOutputBytes(int bytes) {
        return new JsLimits(maxScriptBytes, maxInputBytes, bytes, statementLimit, allocationBytes, maxLogLines,
                maxLogLineBytes, maxErrorBytes, loadTimeout);
    }

    public JsLimits withStatementLimit(long statements) {
        return new JsLimits(maxScriptBytes, maxInputBytes, maxOutputBytes, statements, allocationBytes, maxLogLines,
                maxLogLineBytes, maxErrorBytes, loadTimeout);
    }

    public JsLimits withAllocationBytes(long bytes) {
        return new JsLimits(maxScriptBytes, maxInputBytes, maxOutputBytes, statementLimit, bytes, maxLogLines,
                maxLogLineBytes, maxErrorBytes, loadTimeout);
    }

    public JsLimits withMaxScriptBytes(int bytes) {
        return new JsLimits(bytes, maxInputBytes, maxOutputBytes, statementLimit, allocationBytes, maxLogLines,
                maxLogLineBytes, maxErrorBytes, loadTimeout);
    }

    private static void positive(String name, long value) {
        if (value <= 0) throw new IllegalArgumentException(name + " must be > 0");
    }
}
