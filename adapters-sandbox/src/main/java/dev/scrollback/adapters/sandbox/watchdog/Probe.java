package dev.scrollback.adapters.sandbox.watchdog;

/**
 * A check the watchdog runs periodically on a call while it is in flight, besides its deadline: a budget the call may
 * overrun before the deadline (a script's allocated bytes). Like {@link Cancellable} it runs on the watchdog's one
 * thread, so it must be quick and must not block.
 */
@FunctionalInterface
public interface Probe {
    /** Whether the call has gone past its budget and must be cancelled now. */
    boolean breached();
}
