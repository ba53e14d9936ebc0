package dev.scrollback.adapters.sandbox.watchdog;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.DelayQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One thread that cancels every sandboxed call whose deadline has passed (issue 6, item 4: one watchdog for both
 * engines). Calls register a {@link Cancellable} with a timeout and close the returned {@link Watch} when they end.
 *
 * <p>A call may also carry a {@link Probe} of a budget (a script's allocated bytes), which the same thread checks
 * periodically until the call ends; a breach cancels the call as a deadline does.
 *
 * <p>The thread sleeps in a {@link DelayQueue} until the earliest deadline, so it costs nothing while calls finish in
 * time and wakes within the scheduler's timer slack of a deadline, not on a polling tick. Closed watches leave the
 * queue at once, so the queue holds only the calls in flight.
 */
public final class Watchdog implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Watchdog.class);

    /** The shortest probe period: a probe more often than this would keep the one thread busy for nothing. */
    public static final Duration MIN_PROBE_PERIOD = Duration.ofMillis(1);

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
        Objects.requireNonNull(target, "target");
        return add(timeout, target, Optional.empty(), 0);
    }

    /**
     * Watches a call that must end within {@code timeout} and stay within the budget that {@code probe} checks, every
     * {@code probeEvery} (at least every {@link #MIN_PROBE_PERIOD}) until the call ends: the same thread serves
     * deadlines and budgets, so a budgeted call costs no thread of its own.
     */
    public Watch register(Duration timeout, Cancellable target, Probe probe, Duration probeEvery) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(probe, "probe");
        long every = Math.max(MIN_PROBE_PERIOD.toNanos(), saturatedNanos(Objects.requireNonNull(probeEvery, "probeEvery")));
        return add(timeout, target, Optional.of(probe), every);
    }

    private Watch add(Duration timeout, Cancellable target, Optional<Probe> probe, long probeEveryNanos) {
        Objects.requireNonNull(timeout, "timeout");
        if (closed) throw new IllegalStateException("the watchdog is closed");
        // a watchdog whose thread died would let every call run unbounded: refuse calls instead
        if (!thread.isAlive()) throw new IllegalStateException("the watchdog's thread is not running");
        long nanos = saturatedNanos(timeout);
        var watch = new Watch(System.nanoTime() + nanos, target, probe, probeEveryNanos, this);
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
                    due.due(pending);
                } catch (RuntimeException | Error e) {      // an OutOfMemoryError from one cancel must not end them all
                    log.warn("cancelling a call past its deadline or budget failed", e);
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
