package dev.scrollback.adapters.persistence.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.application.shared.ControlledClock;
import dev.scrollback.application.shared.RateLimiter.Decision;
import dev.scrollback.application.shared.RateLimiter.Limit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Rate limits shared by instances, against the real Redis at 127.0.0.1:6379 (fails without it). */
class RedisRateLimiterTest {
    static final Limit LOGINS = new Limit("logins", 3, Duration.ofMinutes(1));

    final TestRedis redis = new TestRedis();
    final ControlledClock clock = ControlledClock.at("2026-11-24T20:00:00Z");

    @AfterEach
    void cleanUp() {
        redis.close();
    }

    @Test
    void two_instances_take_from_one_bucket() {
        try (var other = RedisConnections.open(TestRedis.URL)) {
            var a = new RedisRateLimiter(redis.connections, redis.prefix, clock);
            var b = new RedisRateLimiter(other, redis.prefix, clock);

            assertThat(a.acquire(LOGINS, "127.0.0.1")).isInstanceOf(Decision.Allowed.class);
            assertThat(b.acquire(LOGINS, "127.0.0.1")).isInstanceOf(Decision.Allowed.class);
            assertThat(a.acquire(LOGINS, "127.0.0.1")).isInstanceOfSatisfying(Decision.Allowed.class,
                    last -> assertThat(last.remaining()).isZero());
            assertThat(b.acquire(LOGINS, "127.0.0.1")).as("the burst is spent, whoever asks")
                    .isInstanceOfSatisfying(Decision.Denied.class,
                            denied -> assertThat(denied.retryAfter()).isEqualTo(Duration.ofSeconds(20)));
            assertThat(b.acquire(LOGINS, "127.0.0.2")).as("another key").isInstanceOf(Decision.Allowed.class);
            assertThat(b.acquire(new Limit("signups", 3, Duration.ofMinutes(1)), "127.0.0.1")).as("another limit")
                    .isInstanceOf(Decision.Allowed.class);
        }
    }

    @Test
    void a_permit_comes_back_every_window_over_permits_and_a_full_bucket_leaves_no_key_behind() throws Exception {
        var limiter = new RedisRateLimiter(redis.connections, redis.prefix, clock);
        for (int i = 0; i < 3; i++) limiter.acquire(LOGINS, "amiga");
        assertThat(limiter.acquire(LOGINS, "amiga")).isInstanceOf(Decision.Denied.class);

        clock.advance(Duration.ofSeconds(20));
        assertThat(limiter.acquire(LOGINS, "amiga")).isInstanceOf(Decision.Allowed.class);
        assertThat(limiter.acquire(LOGINS, "amiga")).isInstanceOf(Decision.Denied.class);

        var key = redis.prefix + "ratelimit:logins:amiga";
        assertThat(redis.raw().pttl(key)).as("expires once full again: one window from now")
                .isBetween(1L, Duration.ofMinutes(1).toMillis());
    }

    @Test
    void concurrent_attempts_from_two_instances_never_take_more_than_the_burst() throws Exception {
        try (var other = RedisConnections.open(TestRedis.URL); var threads = Executors.newFixedThreadPool(8)) {
            var limiters = new RedisRateLimiter[] {new RedisRateLimiter(redis.connections, redis.prefix, clock),
                    new RedisRateLimiter(other, redis.prefix, clock)};
            var burst = new Limit("burst", 50, Duration.ofHours(1));
            var attempts = new ArrayList<Future<Decision>>();
            for (int i = 0; i < 400; i++) {
                var limiter = limiters[i % 2];
                attempts.add(threads.submit(() -> limiter.acquire(burst, "spray")));
            }
            int allowed = 0;
            for (var attempt : attempts) if (attempt.get() instanceof Decision.Allowed) allowed++;
            assertThat(allowed).isEqualTo(50);
        }
    }

    @Test
    void hostile_keys_are_kept_apart_and_bounded() {
        var limiter = new RedisRateLimiter(redis.connections, redis.prefix, clock);
        var huge = "x".repeat(100_000);
        for (var key : new String[] {huge, "a:b", "a", "*", "\r\nFLUSHALL\r\n", "ключ", ""}) {
            assertThat(limiter.acquire(LOGINS, key)).as(key.length() > 20 ? "a huge key" : key)
                    .isInstanceOf(Decision.Allowed.class);
        }
        assertThat(limiter.acquire(LOGINS, huge + "y")).as("a different huge key").isInstanceOfSatisfying(
                Decision.Allowed.class, allowed -> assertThat(allowed.remaining()).isEqualTo(2));
        assertThat(RedisRateLimiter.bounded(huge)).hasSizeLessThanOrEqualTo(RedisRateLimiter.LONGEST_KEY);
    }

    @Test
    void without_redis_an_instance_counts_alone_and_still_limits_then_shares_again_once_it_is_back() throws Exception {
        try (var proxy = new TcpProxy(6379); var cut = RedisConnections.open("redis://127.0.0.1:" + proxy.port() + "/0")) {
            var limiter = new RedisRateLimiter(cut, redis.prefix, clock);
            assertThat(limiter.acquire(LOGINS, "bbsfan")).isInstanceOf(Decision.Allowed.class);

            proxy.cut();
            for (int i = 0; i < 3; i++) {
                assertThat(limiter.acquire(LOGINS, "bbsfan")).as("counted here: a fresh bucket").isInstanceOf(Decision.Allowed.class);
            }
            assertThat(limiter.acquire(LOGINS, "bbsfan")).as("still limited").isInstanceOf(Decision.Denied.class);

            proxy.restore();
            for (int i = 0; i < 200 && !cut.reachable(); i++) Thread.sleep(50);     // until Lettuce has reconnected
            var after = new Limit("after", 2, Duration.ofHours(1));
            limiter.acquire(after, "bbsfan");
            limiter.acquire(after, "bbsfan");
            assertThat(new RedisRateLimiter(redis.connections, redis.prefix, clock).acquire(after, "bbsfan"))
                    .as("back in the shared bucket").isInstanceOf(Decision.Denied.class);
        }
    }
}
