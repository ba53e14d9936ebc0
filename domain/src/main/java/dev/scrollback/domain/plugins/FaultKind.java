package dev.scrollback.domain.plugins;

import java.util.Locale;

/** How a plugin call went wrong, as the sandbox reports it. Each counts towards disabling a plugin that keeps failing. */
public enum FaultKind {
    /** It ran past its hook's deadline and was stopped. */
    TIMEOUT,
    /** It asked for more memory than {@link PluginLimits#memoryBytes()}. */
    MEMORY,
    /** It called a host function its manifest was not granted, or reached a host it may not. */
    PERMISSION,
    /** The engine stopped it: a WASM trap, a failed instantiation or initializer, or an internal engine failure. */
    TRAP,
    /** Its answer was larger than {@link PluginLimits#maxOutputBytes()}. */
    OUTPUT_TOO_LARGE,
    /** A script ran more statements than {@link PluginLimits#statementLimit()}. */
    STATEMENT_LIMIT,
    /** It nested calls deeper than {@link PluginLimits#stackDepth()}. */
    STACK_OVERFLOW,
    /** Its answer did not read as what the hook expects. */
    INVALID_OUTPUT,
    /** A write would take its key-value storage past {@link PluginLimits#maxKeyValueBytes()}. */
    STORAGE_FULL;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
