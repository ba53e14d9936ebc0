package dev.scrollback.adapters.sandbox.js;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The engine's platform threads for calls made from virtual threads, whose allocated bytes cannot be read. A fixed
 * number at most, started when needed and ended when idle: a call waits for a free one within its own deadline and is
 * refused past it, so a crowd of callers costs waiting virtual threads, never more platform threads or a queue that
 * outlives its callers. A script's callers wait for its lock before they ask for a thread ({@link JsScript}), so one
 * busy script holds one thread, however many call it.
 */
final class CallThreads implements AutoCloseable {
    private static final long IDLE_SECONDS = 30;

    private final int size;
    private final Semaphore free;
    private final ThreadPoolExecutor pool;

    /** Twice the processors, at least 4: enough for slow scripts not to hold up the others, few enough to count. */
    static int defaultSize() {
        return Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
    }

    CallThreads(int size) {
        if (size < 1) throw new IllegalArgumentException("at least one call thread, not " + size);
        this.size = size;
        this.free = new Semaphore(size);
        var count = new AtomicInteger();
        // never more tasks than threads (the semaphore), so the queue only hands a task to a thread that is starting
        this.pool = new ThreadPoolExecutor(size, size, IDLE_SECONDS, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                task -> Thread.ofPlatform().name("js-call-" + count.incrementAndGet()).daemon(true).unstarted(task));
        this.pool.allowCoreThreadTimeOut(true);
    }

    int size() {
        return size;
    }

    /**
     * Starts {@code task} on a free thread, waiting at most {@code wait} for one; empty when none was free in time.
     *
     * @throws RejectedExecutionException when the threads are closed
     */
    <T> Optional<Future<T>> start(Callable<T> task, Duration wait) throws InterruptedException {
        if (pool.isShutdown()) throw new RejectedExecutionException("the call threads are closed");
        if (!free.tryAcquire(Math.max(0, wait.toNanos()), TimeUnit.NANOSECONDS)) return Optional.empty();
        try {
            return Optional.of(pool.submit(() -> {
                try {
                    return task.call();
                } finally {
                    free.release();
                }
            }));
        } catch (RejectedExecutionException closed) {
            free.release();
            throw closed;
        }
    }

    boolean isClosed() {
        return pool.isShutdown();
    }

    /** Refuses new tasks; running ones end by their own deadlines. */
    @Override
    public void close() {
        pool.shutdown();
    }
}
