package dev.scrollback.adapters.persistence.cluster;

import dev.scrollback.adapters.persistence.ratelimits.InMemoryRateLimiter;
import dev.scrollback.application.shared.RateLimiter;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rate limiter that instances share (SPEC §5: "shared across instances through Redis"): the same token bucket as
 * {@link InMemoryRateLimiter} — one GCRA "theoretical arrival time" per (limit, key) — kept in one Redis key and
 * updated by one Lua script, so every instance takes from the same bucket in one round trip and two instances can
 * never both take the last permit. A key expires once its bucket is full again, so Redis holds only keys being held
 * back. Times are in microseconds (Lua's numbers are doubles: exact up to 2^53), from this instance's clock: the
 * instances' clocks differ by far less than any window.
 *
 * <p>When Redis does not answer within {@link #ANSWER_WITHIN} (down, cut off, or slow), the attempt is counted by
 * this instance alone ({@link InMemoryRateLimiter}) and that is said once in the log: limits stay in force, per
 * instance, and callers are neither locked out nor kept waiting by an outage.
 */
public final class RedisRateLimiter implements RateLimiter {
    /** How long an attempt waits for Redis before this instance decides alone. */
    static final Duration ANSWER_WITHIN = Duration.ofMillis(250);
    /** Longer keys (addresses and handles are far shorter) are stored by their SHA-256: a key never grows Redis much. */
    static final int LONGEST_KEY = 200;
    private static final Logger log = LoggerFactory.getLogger(RedisRateLimiter.class);

    /**
     * KEYS[1] the bucket; ARGV now, window and emission interval (µs). Returns {1, µs until full} when allowed,
     * {0, µs until the next permit} when denied. A bucket further ahead than a window (this clock is behind the one
     * that wrote it) is held to one window, as the in-memory limiter does.
     */
    private static final String SCRIPT = """
            local now = tonumber(ARGV[1])
            local window = tonumber(ARGV[2])
            local every = tonumber(ARGV[3])
            local tat = tonumber(redis.call('GET', KEYS[1]) or ARGV[1])
            if tat - now > window then tat = now + window end
            local nxt = math.max(tat, now) + every
            if nxt - now > window then
              return {0, tat + every - window - now}
            end
            redis.call('SET', KEYS[1], nxt, 'PX', math.ceil((nxt - now) / 1000))
            return {1, nxt - now}
            """;

    private final RedisConnections redis;
    private final String prefix;
    private final Clock clock;
    private final InMemoryRateLimiter alone;
    private final WarnOnce unreachable = new WarnOnce(log,
            "rate limits are counted by this instance alone until Redis answers again: {}");
    private final String digest;

    /** {@code prefix} as for the instance's other keys (SCROLLBACK_REDIS_PREFIX). */
    public RedisRateLimiter(RedisConnections redis, String prefix, Clock clock) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.prefix = Objects.requireNonNull(prefix, "prefix") + "ratelimit:";
        this.clock = Objects.requireNonNull(clock, "clock");
        this.alone = new InMemoryRateLimiter(clock);
        this.digest = sha1Hex(SCRIPT);
    }

    @Override
    public Decision acquire(Limit limit, String key) {
        Objects.requireNonNull(key, "key");
        long window = micros(limit.window());
        long every = Math.max(1, window / limit.permits());
        byte[][] args = {number(micros(clock.instant())), number(window), number(every)};
        var bucket = new String[] {prefix + limit.name() + ":" + bounded(key)};
        try {
            var answer = run(bucket, args);
            unreachable.report(null);
            long allowed = (Long) answer.get(0);
            long micros = Math.max(0, (Long) answer.get(1));
            if (allowed == 0) return new Decision.Denied(limit.permits(), Duration.ofNanos(micros * 1_000));
            long remaining = Math.clamp((window - micros) / every, 0, limit.permits() - 1);
            return new Decision.Allowed(limit.permits(), (int) remaining, Duration.ofNanos(micros * 1_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return alone.acquire(limit, key);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            unreachable.report(e instanceof ExecutionException failed && failed.getCause() != null ? failed.getCause() : e);
            return alone.acquire(limit, key);
        }
    }

    /** The script by its digest; sent whole once when Redis does not know it (first use, or after a restart). */
    private List<Object> run(String[] bucket, byte[][] args) throws InterruptedException, ExecutionException, TimeoutException {
        var commands = redis.commands().async();
        try {
            return commands.<List<Object>>evalsha(digest, ScriptOutputType.MULTI, bucket, args)
                    .get(ANSWER_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof RedisNoScriptException)) throw e;
            return commands.<List<Object>>eval(SCRIPT, ScriptOutputType.MULTI, bucket, args)
                    .get(ANSWER_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    static String bounded(String key) {
        if (key.length() <= LONGEST_KEY) return key;
        return "sha256:" + HexFormat.of().formatHex(digest("SHA-256", key));
    }

    private static byte[] number(long value) {
        return Long.toString(value).getBytes(StandardCharsets.US_ASCII);
    }

    private static long micros(Duration duration) {
        return Math.max(1, duration.toNanos() / 1_000);
    }

    private static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
    }

    private static String sha1Hex(String script) {
        return HexFormat.of().formatHex(digest("SHA-1", script));     // what EVALSHA names a script by
    }

    private static byte[] digest(String algorithm, String text) {
        try {
            return MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every JDK", e);
        }
    }
}
