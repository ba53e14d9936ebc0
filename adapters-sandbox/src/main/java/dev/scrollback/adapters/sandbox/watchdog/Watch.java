package dev.scrollback.adapters.sandbox.watchdog;

import java.util.Optional;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;

/**
 * One call under the watchdog: close it when the call ends. Once {@link #close()} has returned, the watchdog will not
 * cancel the call any more; {@link #expired()} and {@link #breached()} then tell whether it did so before, and why.
 *
 * <p>A watch with a {@link Probe} sits in the watchdog's queue under its next probe time rather than its deadline, and
 * goes back in after each probe that finds the call within budget; its key changes only while it is out of the queue.
 */
public final class Watch implements Delayed, AutoCloseable {
    private enum State { ARMED, EXPIRED, BREACHED, CLOSED }

    private final long deadlineNanos;
    private final Cancellable target;
    private final Optional<Probe> probe;
    private final long probeEveryNanos;
    private final Watchdog owner;
    private volatile long wakeAtNanos;   // written by the watchdog thread only while the watch is out of the queue
    private State state = State.ARMED;   // guarded by this: expiring and closing must not interleave

    Watch(long deadlineNanos, Cancellable target, Optional<Probe> probe, long probeEveryNanos, Watchdog owner) {
        this.deadlineNanos = deadlineNanos;
        this.target = target;
        this.probe = probe;
        this.probeEveryNanos = probeEveryNanos;
        this.owner = owner;
        this.wakeAtNanos = nextWake(System.nanoTime());
    }

    /** Whether the deadline passed while the call was still running (and the call was cancelled). */
    public synchronized boolean expired() {
        return state == State.EXPIRED;
    }

    /** Whether the probe found the call over its budget (and the call was cancelled). */
    public synchronized boolean breached() {
        return state == State.BREACHED;
    }

    /** Ends the watch; idempotent. After it returns, no cancellation can arrive from this watch. */
    @Override
    public void close() {
        boolean wasArmed;
        synchronized (this) {
            wasArmed = state == State.ARMED;
            if (wasArmed) state = State.CLOSED;
        }
        if (wasArmed) owner.forget(this);
    }

    /**
     * Called by the watchdog thread when the watch comes out of the queue: cancels the call if its deadline has passed
     * or its probe says so; otherwise puts it back in {@code queue} for the next probe.
     */
    void due(DelayQueue<Watch> queue) {
        synchronized (this) {
            if (state != State.ARMED) return;
            long now = System.nanoTime();
            if (now - deadlineNanos >= 0) {
                state = State.EXPIRED;
            } else if (probe.isPresent() && breachedOrBroken(probe.get())) {
                state = State.BREACHED;
            } else {
                wakeAtNanos = nextWake(now);
                queue.add(this);   // under this lock, so close() cannot slip between the check and the add
                return;
            }
            target.cancel();   // under the lock, so that close() returns only after the cancellation was delivered
        }
    }

    /** A probe that cannot tell is taken as a breach: a budget that cannot be read is not enforced otherwise. */
    private static boolean breachedOrBroken(Probe probe) {
        try {
            return probe.breached();
        } catch (RuntimeException e) {
            return true;
        }
    }

    private long nextWake(long now) {
        if (probe.isEmpty()) return deadlineNanos;
        long next = now + probeEveryNanos;
        return next - deadlineNanos < 0 ? next : deadlineNanos;
    }

    @Override
    public long getDelay(TimeUnit unit) {
        return unit.convert(wakeAtNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
    }

    @Override
    public int compareTo(Delayed other) {
        return other instanceof Watch watch
                ? Long.compare(wakeAtNanos - watch.wakeAtNanos, 0)
                : Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
    }
}
