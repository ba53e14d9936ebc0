package dev.scrollback.adapters.sandbox.wasm;

/** Why a call was stopped by the host rather than ending on its own. */
public enum FaultKind {
    /** The deadline passed; the watchdog interrupted the call. */
    TIMEOUT,
    /** The calling thread was interrupted by someone other than the watchdog (e.g. shutdown). */
    INTERRUPTED,
    /** The wasm trapped: unreachable, out-of-bounds memory, bad kernel pointer, division by zero… */
    TRAP,
    /** The wasm call stack (the JVM's stack) ran out. */
    STACK_OVERFLOW,
    /** The input does not fit the kernel memory budget, or the JVM ran out of heap during the call. */
    MEMORY,
    /** {@code output_set} asked for more bytes than the output limit. */
    OUTPUT_TOO_LARGE,
    /** {@code var_set} would take the plugin's key-value storage past its limit. */
    STORAGE_FULL,
    /** The plugin called a host function it was not granted, or one this host does not serve yet. */
    PERMISSION,
    /** No exported function of that name with type {@code () -> i32} or {@code () -> ()}. */
    MISSING_EXPORT,
    /** The plugin is re-entered from its own call, or its previous call did not let go before the deadline. */
    BUSY,
    /** Instantiating the module or running its initializer failed. */
    INSTANTIATION
}
