package dev.scrollback.adapters.sandbox.call;

/**
 * Why a call was stopped by the host rather than ending on its own. Shared by both engines: the WASM plugins of this
 * package and the JS scripts of {@code sandbox.js}; each kind says where it applies when only one engine has it.
 */
public enum FaultKind {
    /** The deadline passed; the watchdog interrupted the call. */
    TIMEOUT,
    /**
     * The deadline passed, but the call's thread had run on the processor for less than a quarter of it: the host was
     * too busy (a collector's pause, more threads than cores) to give the plugin its time. Not the plugin's fault.
     */
    STARVED,
    /** The calling thread was interrupted by someone other than the watchdog (e.g. shutdown). */
    INTERRUPTED,
    /** The wasm trapped (unreachable, out-of-bounds memory, bad kernel pointer, division by zero…), or the JS engine failed internally. */
    TRAP,
    /** The wasm call stack (the JVM's stack) ran out; for JS, the script's stack did ({@code RangeError} on recursion). */
    STACK_OVERFLOW,
    /**
     * The input does not fit the kernel memory budget (JS: the input limit), the JVM ran out of heap during the call, or
     * a script allocated more than its budget.
     */
    MEMORY,
    /** {@code output_set} asked for more bytes than the output limit; for JS, the hook returned a longer string. */
    OUTPUT_TOO_LARGE,
    /** {@code var_set} would take the plugin's key-value storage past its limit. */
    STORAGE_FULL,
    /** The plugin called a host function it was not granted, or one this host does not serve yet. */
    PERMISSION,
    /** No exported function of that name with type {@code () -> i32} or {@code () -> ()}; for JS, no such hook. */
    MISSING_EXPORT,
    /** The plugin is re-entered from its own call, or its previous call did not let go before the deadline. */
    BUSY,
    /** Instantiating the module or running its initializer failed; for JS, re-running the script's top-level code did. */
    INSTANTIATION,
    /** JS only: the script ran more statements in one call than its limit. */
    STATEMENT_LIMIT,
    /** JS only: the hook returned something other than a string, {@code undefined} or {@code null}. */
    INVALID_OUTPUT
}
