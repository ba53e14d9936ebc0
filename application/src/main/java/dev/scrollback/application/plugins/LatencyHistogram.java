package dev.scrollback.application.plugins;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Call latencies in microseconds, in log-linear buckets (16 per power of two, so a percentile is within about 6 % of
 * the true value) from 1 µs to about 12 days; lock-free, fixed size whatever the number of calls.
 */
final class LatencyHistogram {
    private static final int SUB_BUCKETS = 16;
    private static final int SUB_BITS = 4;
    private static final int MAX_EXPONENT = 40;
    private final AtomicLongArray counts = new AtomicLongArray((MAX_EXPONENT - SUB_BITS + 2) * SUB_BUCKETS);

    void record(Duration took) {
        counts.incrementAndGet(index(Math.max(0, took.toNanos() / 1000)));
    }

    /** The latency below which {@code quantile} of the calls fell (the bucket's upper edge), if any were recorded. */
    Optional<Duration> percentile(double quantile) {
        long total = 0;
        for (int i = 0; i < counts.length(); i++) total += counts.get(i);
        if (total == 0) return Optional.empty();
        long rank = (long) Math.ceil(quantile * total);
        long seen = 0;
        for (int i = 0; i < counts.length(); i++) {
            seen += counts.get(i);
            if (seen >= rank) return Optional.of(Duration.ofNanos(upperEdge(i) * 1000));
        }
        return Optional.of(Duration.ofNanos(upperEdge(counts.length() - 1) * 1000));
    }

    static int index(long micros) {
        if (micros < SUB_BUCKETS) return (int) micros;
        int exponent = Math.min(63 - Long.numberOfLeadingZeros(micros), MAX_EXPONENT);
        long sub = (micros >>> (exponent - SUB_BITS)) & (SUB_BUCKETS - 1);
        return (exponent - SUB_BITS + 1) * SUB_BUCKETS + (int) sub;
    }

    /** The largest value that falls into bucket {@code index}. */
    static long upperEdge(int index) {
        if (index < SUB_BUCKETS) return index;
        int exponent = index / SUB_BUCKETS + SUB_BITS - 1;
        long sub = index % SUB_BUCKETS;
        long base = (1L << exponent) + (sub << (exponent - SUB_BITS));
        return base + (1L << (exponent - SUB_BITS)) - 1;
    }
}
