package dev.scrollback.adapters.persistence.shared;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Wakes live followers when this process commits an append, so they need not poll fast. A follower reads the
 * generation before it queries the store and waits only if it has not changed since: no wake-up is lost between
 * "nothing new" and "wait". Other instances' commits wake them too when another instance says so
 * ({@link #signalFromElsewhere()}), and this process's signals can be passed on ({@link #afterEachSignal}).
 */
final class AppendSignal {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private long generation;
    private volatile Runnable afterSignal = () -> {};

    long generation() {
        lock.lock();
        try {
            return generation;
        } finally {
            lock.unlock();
        }
    }

    /** This process committed (or a follower is closing and must wake): wake the followers, then pass it on. */
    void signal() {
        wake();
        try {
            afterSignal.run();
        } catch (RuntimeException e) {
            // passing it on is a hint to other instances; the writer must go on whatever happens to it
        }
    }

    /** Another instance committed: wake the followers, and pass nothing on (no echo between instances). */
    void signalFromElsewhere() {
        wake();
    }

    /** {@code action} runs after each {@link #signal()}, on the signalling thread: it must not block. */
    void afterEachSignal(Runnable action) {
        afterSignal = action;
    }

    private void wake() {
        lock.lock();
        try {
            generation++;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits until the generation moves past {@code seen}, or at most {@code max}. */
    void awaitAfter(long seen, Duration max) throws InterruptedException {
        long nanos = max.toNanos();
        lock.lock();
        try {
            while (generation == seen && nanos > 0) nanos = changed.awaitNanos(nanos);
        } finally {
            lock.unlock();
        }
    }
}
