package dev.scrollback.bench;

import dev.scrollback.adapters.persistence.cluster.RedisConnections;
import dev.scrollback.adapters.persistence.cluster.RedisRateLimiter;
import dev.scrollback.adapters.persistence.ratelimits.InMemoryRateLimiter;
import dev.scrollback.application.shared.RateLimiter;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a rate-limit check costs on every limited request (SPEC §5): one instance's in-memory token bucket against the
 * bucket the instances share in Redis (one Lua script call on the Redis at 127.0.0.1:6379; fails without it), for
 * 10,000 keys in turn (so that buckets are created, held and expired as under real traffic), from 1 and 4 threads.
 *
 * <pre>bench/run jmh RateLimiterBenchmark -f 1 -wi 3 -i 5 -w 1s -r 2s</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3)
public class RateLimiterBenchmark {
    private static final RateLimiter.Limit LIMIT = new RateLimiter.Limit("bench", 100, Duration.ofMinutes(1));
    private static final int KEYS = 10_000;

    private final AtomicLong next = new AtomicLong();
    private String[] keys;
    private RateLimiter inMemory;
    private RedisConnections redis;
    private RateLimiter shared;

    @Setup
    public void setUp() {
        keys = new String[KEYS];
        for (int i = 0; i < KEYS; i++) keys[i] = "203.0.113." + (i % 250) + "/" + i;
        inMemory = new InMemoryRateLimiter(Clock.systemUTC());
        redis = RedisConnections.open("redis://127.0.0.1:6379/0");
        shared = new RedisRateLimiter(redis, "scrollback-bench:" + UUID.randomUUID() + ":", Clock.systemUTC());
    }

    @TearDown
    public void tearDown() {
        redis.close();               // the keys expire by themselves within a minute
    }

    private String key() {
        return keys[(int) (next.getAndIncrement() % KEYS)];
    }

    @Benchmark
    public RateLimiter.Decision inMemory() {
        return inMemory.acquire(LIMIT, key());
    }

    @Benchmark
    @Threads(4)
    public RateLimiter.Decision inMemoryFourThreads() {
        return inMemory.acquire(LIMIT, key());
    }

    @Benchmark
    public RateLimiter.Decision redis() {
        return shared.acquire(LIMIT, key());
    }

    @Benchmark
    @Threads(4)
    public RateLimiter.Decision redisFourThreads() {
        return shared.acquire(LIMIT, key());
    }
}
