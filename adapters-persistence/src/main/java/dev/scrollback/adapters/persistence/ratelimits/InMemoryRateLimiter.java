package dev.scrollback.adapters.persistence.ratelimits;

import dev.scrollback.application.shared.RateLimiter;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The rate limiter of a single instance (SPEC §5; several instances share one through Redis instead).
 *
 * <p>Each (limit name, key) is a token bucket kept as one number, the GCRA "theoretical arrival time" {@code tat}:
 * a permit is earned every {@code window / permits}, at most {@code permits} are banked. So {@code Limit(x, 10, 1 min)}
 * lets a fresh key make 10 attempts at once, then one every 6 seconds; a key left alone for a whole window is fresh
 * again. With {@code e = window / permits} (nanoseconds, rounded down) an attempt at {@code now} is allowed when
 * {@code max(tat, now) + e - now <= window}, and then {@code tat} becomes {@code max(tat, now) + e}. Denied attempts
 * cost nothing. The same arithmetic on one Redis key with a TTL makes the shared limiter.
 *
 * <p>Thread-safe without a global lock: a bucket is updated by compare-and-set. Memory is bounded: a bucket whose
 * {@code tat} has passed is as good as absent and is swept away; beyond {@code maxKeys} buckets, the tenth that would
 * refill soonest is dropped at once (so spraying fresh keys evicts other fresh keys, not the ones being held back).
 * An evicted key starts again with a full bucket.
 */
public final class InMemoryRateLimiter implements RateLimiter {
    public static final int DEFAULT_MAX_KEYS = 100_000;
    private static final long SWEEP_EVERY_NANOS = Duration.ofMinutes(1).toNanos();
    /** Marks a bucket the sweeper took out of the map: whoever finds it there makes a new one. */
    private static final long GONE = Long.MIN_VALUE;

    private final Clock clock;
    private final int maxKeys;
    private final ConcurrentHashMap<Key, Bucket> buckets = new ConcurrentHashMap<>();
    private final AtomicLong nextSweep = new AtomicLong(Long.MIN_VALUE);
    private final AtomicBoolean sweeping = new AtomicBoolean();

    public InMemoryRateLimiter(Clock clock) {
        this(clock, DEFAULT_MAX_KEYS);
    }

    public InMemoryRateLimiter(Clock clock, int maxKeys) {
        if (maxKeys < 10) throw new IllegalArgumentException("maxKeys must be at least 10");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxKeys = maxKeys;
    }

    @Override
    public Decision acquire(Limit limit, String key) {
        Objects.requireNonNull(key, "key");
        long now = nanos(clock.instant());
        long window = limit.window().toNanos();
        long every = Math.max(1, window / limit.permits());
        var id = new Key(limit.name(), key);
        while (true) {
            var bucket = buckets.computeIfAbsent(id, k -> new Bucket(now));
            long tat = bucket.tat;
            if (tat == GONE) {
                buckets.remove(id, bucket);
                continue;
            }
            if (tat - now > window) {                      // the clock stepped back: hold the key one window at most
                bucket.advance(tat, now + window);
                continue;
            }
            long next = Math.max(tat, now) + every;
            if (next - now > window) {
                housekeep(now);
                return new Decision.Denied(limit.permits(), Duration.ofNanos(tat + every - window - now));
            }
            if (bucket.advance(tat, next)) {
                housekeep(now);
                long remaining = Math.clamp((window - (next - now)) / every, 0, limit.permits() - 1);
                return new Decision.Allowed(limit.permits(), (int) remaining, Duration.ofNanos(next - now));
            }
        }
    }

    /** How many buckets are held now (for tests and metrics). */
    public int trackedKeys() {
        return buckets.size();
    }

    /** Sweeps refilled buckets once a minute, and at once when over the cap; one thread sweeps, the others go on. */
    private void housekeep(long now) {
        long due = nextSweep.get();
        boolean over = buckets.size() > maxKeys;
        if (!over && now < due) return;
        if (!sweeping.compareAndSet(false, true)) return;
        try {
            nextSweep.set(now + SWEEP_EVERY_NANOS);
            buckets.forEach((id, bucket) -> {
                long tat = bucket.tat;
                if (tat <= now && bucket.advance(tat, GONE)) buckets.remove(id, bucket);
            });
            if (buckets.size() > maxKeys) evictSoonestRefilled();
        } finally {
            sweeping.set(false);
        }
    }

    /** Drops buckets down to 90% of the cap, those that would refill soonest first: they hold the least. */
    private void evictSoonestRefilled() {
        var tats = buckets.values().stream().mapToLong(b -> b.tat).filter(t -> t != GONE).toArray();
        int keep = maxKeys - maxKeys / 10;
        if (tats.length <= keep) return;
        Arrays.sort(tats);
        long threshold = tats[tats.length - keep - 1];
        buckets.forEach((id, bucket) -> {
            long tat = bucket.tat;
            if (tat <= threshold && bucket.advance(tat, GONE)) buckets.remove(id, bucket);
        });
    }

    private static long nanos(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
    }

    private record Key(String limit, String key) {}

    private static final class Bucket {
        private static final VarHandle TAT;

        static {
            try {
                TAT = MethodHandles.lookup().findVarHandle(Bucket.class, "tat", long.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        volatile long tat;

        Bucket(long tat) {
            this.tat = tat;
        }

        boolean advance(long expected, long next) {
            return TAT.compareAndSet(this, expected, next);
        }
    }
}
