package dev.scrollback.application.plugins;

import java.time.Duration;

/** A plugin the sandbox loaded: its hooks can be called until it is closed. Safe to call from many threads. */
public interface RunningPlugin extends AutoCloseable {

    /**
     * Calls the hook {@code input} is for; the call ends by {@code deadline} or is stopped. Never throws because of the
     * plugin: every ending is a {@link HookCall}.
     */
    HookCall call(HookInput input, Duration deadline);

    /** Frees what the plugin holds; later calls are {@link HookCall.NotRun}. */
    @Override
    void close();
}
