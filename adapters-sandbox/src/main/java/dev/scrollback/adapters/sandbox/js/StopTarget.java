package dev.scrollback.adapters.sandbox.js;

import dev.scrollback.adapters.sandbox.watchdog.Cancellable;
import java.util.Optional;

/**
 * What the watchdog cancels for one call: the context the call runs in, which the call may only make after it was
 * registered (a fresh context after a fault). A cancellation that comes before the context exists stops it as soon as
 * it is attached.
 */
final class StopTarget implements Cancellable {
    private final ContextStopper stopper;
    private Optional<org.graalvm.polyglot.Context> context = Optional.empty();   // guarded by this
    private boolean cancelled;                                                    // guarded by this

    StopTarget(ContextStopper stopper) {
        this.stopper = stopper;
    }

    synchronized void attach(org.graalvm.polyglot.Context running) {
        context = Optional.of(running);
        if (cancelled) stopper.stop(running);
    }

    @Override
    public synchronized void cancel() {
        cancelled = true;
        context.ifPresent(stopper::stop);
    }
}
