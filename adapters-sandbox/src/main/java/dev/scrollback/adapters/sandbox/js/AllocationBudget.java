package dev.scrollback.adapters.sandbox.js;

import dev.scrollback.adapters.sandbox.watchdog.Probe;
import java.lang.management.ManagementFactory;

/**
 * How many bytes one platform thread may allocate from now on: the JS engine of the community edition has no heap limit
 * per context, so the watchdog reads the calling thread's allocation counter instead (STACK.md). The counter counts
 * garbage too, so this is a budget of work as much as of live memory. A single allocation happens before any probe can
 * see it: the engine's caps keep those small ({@link JsEngine#MAX_STRING_CHARS}, {@link JsEngine#MAX_BUFFER_BYTES}),
 * but for a BigInt (up to 256 MiB) and built-ins that run to their end before a stop lands (decision 0017).
 */
final class AllocationBudget implements Probe {
    private static final com.sun.management.ThreadMXBean THREADS = threads();

    private final long threadId;
    private final long start;
    private final long bytes;

    private AllocationBudget(long threadId, long start, long bytes) {
        this.threadId = threadId;
        this.start = start;
        this.bytes = bytes;
    }

    /** Whether allocated bytes can be read for the current thread (not for virtual threads, nor when switched off). */
    static boolean measurable() {
        return !Thread.currentThread().isVirtual() && THREADS.getCurrentThreadAllocatedBytes() >= 0;
    }

    /** A budget of {@code bytes} for the current thread, counted from now; needs {@link #measurable()}. */
    static AllocationBudget startingNow(long bytes) {
        var thread = Thread.currentThread();
        return new AllocationBudget(thread.threadId(), THREADS.getCurrentThreadAllocatedBytes(), bytes);
    }

    /** Bytes allocated since the start; -1 when the thread is gone. */
    long used() {
        long now = THREADS.getThreadAllocatedBytes(threadId);
        return now < 0 ? -1 : now - start;
    }

    @Override
    public boolean breached() {
        return used() > bytes;
    }

    private static com.sun.management.ThreadMXBean threads() {
        var bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        if (bean.isThreadAllocatedMemorySupported() && !bean.isThreadAllocatedMemoryEnabled()) {
            bean.setThreadAllocatedMemoryEnabled(true);
        }
        return bean;
    }
}
