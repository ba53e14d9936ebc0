package dev.scrollback.adapters.sandbox.watchdog;

/**
 * What the watchdog does to a call whose deadline has passed. It runs on the watchdog's own thread, which serves every
 * call of both engines, so it must be quick and must not block: interrupt a thread, flag a context, never wait for the
 * call to stop.
 */
@FunctionalInterface
public interface Cancellable {
    void cancel();

    /** Interrupts the given thread: Chicory notices at the next call or backward branch. */
    static Cancellable interrupting(Thread thread) {
        return thread::interrupt;
    }
}
