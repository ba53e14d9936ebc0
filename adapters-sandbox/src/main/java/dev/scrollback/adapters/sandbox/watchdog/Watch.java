package dev.scrollback.adapters.sandbox.watchdog;

import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;

/**
 * One call under the watchdog: close it when the call ends. Once {@link #close()} has returned, the watchdog will not
 * cancel the call any more; {@link #expired()} then tells whether it did so before.
 */
public final class Watch implements Delayed, AutoCloseable {
    private enum State { ARMED, EXPIRED, CLOSED }

    private final long deadlineNanos;
    private final Cancellable target;
    private final Watchdog owner;
    private State state = State.ARMED;   // guarded by this: expiring and closing must not interleave

    Watch(long deadlineNanos, Cancellable target, Watchdog owner) {
        this.deadlineNanos = deadlineNanos;
        this.target = target;
        this.owner = owner;
    }

    /** Whether the deadline passed while the call was still running (and the call was cancelled). */
    public synchronized boolean expired() {
        return state == State.EXPIRED;
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

    /** Called by the watchdog thread once the deadline has passed. */
    void expire() {
        synchronized (this) {
            if (state != State.ARMED) return;
            state = State.EXPIRED;
            target.cancel();   // under the lock, so that close() returns only after the cancellation was delivered
        }
    }

    @Override
    public long getDelay(TimeUnit unit) {
        return unit.convert(deadlineNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
    }

    @Override
    public int compareTo(Delayed other) {
        return other instanceof Watch watch
                ? Long.compare(deadlineNanos, watch.deadlineNanos)
                : Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
    }
}
