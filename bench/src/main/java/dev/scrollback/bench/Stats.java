package dev.scrollback.bench;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;

/** Small things the live load generators share: nearest-rank quantiles, loopback source addresses, formatting. */
final class Stats {
    private Stats() {}

    /** A growable list of longs (latencies in nanoseconds), cheap to append to from one thread at a time. */
    static final class Longs {
        private long[] values = new long[256];
        private int size;

        synchronized void add(long value) {
            if (size == values.length) values = Arrays.copyOf(values, size * 2);
            values[size++] = value;
        }

        synchronized long[] drain() {
            var out = Arrays.copyOf(values, size);
            size = 0;
            return out;
        }

        synchronized int size() {
            return size;
        }
    }

    static long[] sorted(long[]... parts) {
        int total = 0;
        for (var p : parts) total += p.length;
        var all = new long[total];
        int at = 0;
        for (var p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        Arrays.sort(all);
        return all;
    }

    /** Nearest rank; NaN when empty. In milliseconds, from nanoseconds. */
    static double millis(long[] sorted, double quantile) {
        if (sorted.length == 0) return Double.NaN;
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    static String ms(double millis) {
        if (Double.isNaN(millis)) return "-";
        return millis < 10 ? String.format(Locale.ROOT, "%.2f", millis) : String.format(Locale.ROOT, "%.1f", millis);
    }

    static String quantiles(long[] sorted) {
        return ms(millis(sorted, 0.50)) + " / " + ms(millis(sorted, 0.95)) + " / " + ms(millis(sorted, 0.99))
                + " (max " + ms(millis(sorted, 1.0)) + ")";
    }

    static String thousands(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }

    /**
     * The {@code index}-th address of the loopback block 127.{@code block}.x.y (y from 1 to 250): every address in
     * 127/8 reaches this machine on Linux, and the server counts its per-address limits by the caller's address.
     */
    static InetAddress loopback(int block, int index) {
        if (block < 1 || block > 254 || index < 0 || index >= 250 * 250) throw new IllegalArgumentException("no such address");
        try {
            return InetAddress.getByAddress(new byte[] {127, (byte) block, (byte) (index / 250), (byte) (index % 250 + 1)});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
    }

    static String kib(double bytes) {
        return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
    }
}
