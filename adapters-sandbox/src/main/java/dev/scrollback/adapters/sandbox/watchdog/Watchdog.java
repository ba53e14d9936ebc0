package dev.scrollback.adapters.sandbox.watchdog;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.DelayQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One thread that cancels every sandboxed call whose deadline has passed (issue 6, item 4: one watchdog for both
 * engines). Calls register a {@link Cancellable} with a timeout and close the returned {@link Watch} when they end.
 *
 * <p>The thread sleeps in a {@link DelayQueue} until the earliest deadline, so it costs nothing while calls finish in
 * time and wakes within the scheduler's timer slack of a deadline, not on a polling tick. Closed watches leave the
 * queue at once, so the queue holds only the calls in flight.
 */
public final class Watchdog implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Watchdog.class);

    private final DelayQueue<Watch> pending = new DelayQueue<>();
    private final Thread thread;
    private volatile boolean closed;

    private Watchdog(String name) {
        this.thread = Thread.ofPlatform().name(name).daemon(true).unstarted(this::run);
    }

    /** Starts the watchdog thread. */
    public static Watchdog start(String name) {
        var watchdog = new Watchdog(Objects.requireNonNull(name, "name"));
        watchdog.thread.start();
        return watchdog;
    }

    /** Watches a call that must end within {@code timeout}; a timeout of zero or less expires at once. */
    public Watch register(Duration timeout, Cancellable target) {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(target, "target");
        if (closed) throw new IllegalStateException("the watchdog is closed");
        long nanos = saturatedNanos(timeout);
        var watch = new Watch(System.nanoTime() + nanos, target, this);
        pending.add(watch);
        return watch;
    }

    /** How many calls are being watched now (for tests and metrics). */
    public int watching() {
        return pending.size();
    }

    void forget(Watch watch) {
        pending.remove(watch);
    }

    /** Stops the thread; calls still registered are no longer cancelled. */
    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }

    private void run() {
        while (!closed) {
            try {
                var due = pending.take();
                try {
                    due.expire();
                } catch (RuntimeException e) {
                    log.warn("cancelling a call that ran past its deadline failed", e);
                }
            } catch (InterruptedException e) {
                // close() wakes us; any other interrupt is ignored and the loop re-checks closed
            }
        }
    }

    private static long saturatedNanos(Duration timeout) {
        if (timeout.isNegative()) return 0;
        try {
            return Math.min(timeout.toNanos(), Long.MAX_VALUE / 4);   // far-future deadlines must not overflow nanoTime
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE / 4;
        }
    }
}
