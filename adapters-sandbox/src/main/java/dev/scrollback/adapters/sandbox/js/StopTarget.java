package dev.scrollback.adapters.sandbox.js;

import dev.scrollback.adapters.sandbox.watchdog.Cancellable;
import java.util.Optional;

/**
 * What the watchdog cancels for one call: the context the call runs in, which the call may only make after it was
 * registered (a fresh context after a fault). A cancellation that comes before the context exists stops it as soon as
 * it is attached.
 *
 * <p>Closing the context does not reach a thread that waits inside a host function (for a server that
 * {@code httpRequest} asked): GraalJS cancels guest code, and the thread is in host code. So while the call's thread
 * waits there, between {@link #enterWait} and {@link #exitWait}, a cancellation also interrupts it — there only, where
 * the wait is an interruptible {@code Future.get} on a thread of the host's own, never in guest or socket code.
 */
final class StopTarget implements Cancellable {
    private final ContextStopper stopper;
    private Optional<org.graalvm.polyglot.Context> context = Optional.empty();   // guarded by this
    private boolean cancelled;                                                    // guarded by this
    private Optional<Thread> waiting = Optional.empty();                          // guarded by this
    private boolean interruptedWaiter;                                            // guarded by this

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
        waiting.ifPresent(thread -> {
            interruptedWaiter = true;
            thread.interrupt();
        });
    }

    /**
     * The current thread is about to wait in a host function: until {@link #exitWait}, a cancellation interrupts it.
     * False when the call was cancelled already (then do not start the wait).
     */
    synchronized boolean enterWait() {
        if (cancelled) return false;
        waiting = Optional.of(Thread.currentThread());
        interruptedWaiter = false;
        return true;
    }

    /**
     * The wait is over: no cancellation interrupts the thread any more. Clears the interrupt this target sent, if it
     * sent one (it was meant for the wait only; the closed context ends the guest), and says whether it did.
     */
    synchronized boolean exitWait() {
        waiting = Optional.empty();
        if (!interruptedWaiter) return false;
        interruptedWaiter = false;
        Thread.interrupted();
        return true;
    }

    synchronized boolean cancelled() {
        return cancelled;
    }
}
