package dev.scrollback.adapters.sandbox.call;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;

/**
 * Tells a runaway from a starved call. A deadline is wall-clock time, so a pause of the JVM's collector or more busy
 * threads than cores can make a healthy plugin's quick call end past it; charged as a timeout, five such calls would
 * disable a healthy plugin on a busy BBS. A call whose thread ran on the processor for less than a quarter of its
 * deadline, and less than {@link #FLOOR}, 250 µs (a warm call takes tens of microseconds; a scheduler's time slice is
 * milliseconds, so a short deadline says little), did not use its time: it was starved ({@link FaultKind#STARVED}), not
 * the plugin's fault. Plugins cannot
 * block (no IO, no threads; the BBS's host functions wait on threads of the host's), so a plugin cannot spend its time
 * off the processor on purpose — but for waiting on a server it asked ({@code http_request}), which is
 * {@linkplain #charge charged} to it as if it had run.
 */
public final class CpuShare {
    static final double ENOUGH = 0.25;
    /** Past this much processor time a call that timed out did run: a runaway, however busy the host. */
    static final Duration FLOOR = Duration.ofNanos(250_000);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final boolean MEASURABLE = THREADS.isCurrentThreadCpuTimeSupported() && THREADS.isThreadCpuTimeEnabled();

    private CpuShare() {}

    private static final ThreadLocal<long[]> CHARGED = ThreadLocal.withInitial(() -> new long[1]);

    /** The current thread's processor time so far, and what it was charged, in nanoseconds; -1 where it cannot tell. */
    public static long now() {
        return MEASURABLE ? THREADS.getCurrentThreadCpuTime() + CHARGED.get()[0] : -1;
    }

    /** Counts {@code nanos} the current thread waited on the plugin's behalf as time the plugin used. */
    public static void charge(long nanos) {
        if (nanos > 0) CHARGED.get()[0] += nanos;
    }

    /**
     * {@code result}, or, for a TIMEOUT of a call that started at {@code cpuAtStart} on this thread and ran on the
     * processor for less than a quarter of {@code deadline} and less than {@link #FLOOR}, the same ending as STARVED.
     */
    public static CallResult judged(CallResult result, long cpuAtStart, Duration deadline) {
        if (!(result instanceof CallResult.Faulted faulted) || faulted.kind() != FaultKind.TIMEOUT || cpuAtStart < 0) {
            return result;
        }
        long used = now() - cpuAtStart;
        if (used < 0 || used >= Math.min(deadline.toNanos() * ENOUGH, FLOOR.toNanos())) return result;
        return new CallResult.Faulted(FaultKind.STARVED, faulted.detail() + ", having run on the processor for "
                + used / 1_000 + " µs: the host was too busy to give it its time", faulted.log());
    }
}
