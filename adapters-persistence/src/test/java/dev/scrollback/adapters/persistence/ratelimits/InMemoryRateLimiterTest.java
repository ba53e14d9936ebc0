package dev.scrollback.adapters.persistence.ratelimits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.application.shared.ControlledClock;
import dev.scrollback.application.shared.RateLimited;
import dev.scrollback.application.shared.RateLimiter.Decision.Allowed;
import dev.scrollback.application.shared.RateLimiter.Decision.Denied;
import dev.scrollback.application.shared.RateLimiter.Limit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

class InMemoryRateLimiterTest {
    static final Limit TEN_PER_MINUTE = new Limit("login", 10, Duration.ofMinutes(1));

    final ControlledClock clock = ControlledClock.at("2025-03-01T20:00:00Z");
    final InMemoryRateLimiter limiter = new InMemoryRateLimiter(clock);

    @Test
    void a_fresh_key_gets_its_permits_at_once_counting_down_and_then_is_told_when_to_come_back() {
        for (int i = 9; i >= 0; i--) {
            var decision = limiter.acquire(TEN_PER_MINUTE, "10.0.0.1");
            assertThat(decision).isInstanceOf(Allowed.class);
            assertThat(((Allowed) decision).remaining()).isEqualTo(i);
            assertThat(((Allowed) decision).limit()).isEqualTo(10);
            assertThat(((Allowed) decision).resetIn()).isEqualTo(Duration.ofSeconds(6L * (10 - i)));
        }
        assertThat(limiter.acquire(TEN_PER_MINUTE, "10.0.0.1")).isEqualTo(new Denied(10, Duration.ofSeconds(6)));
    }

    @Test
    void a_permit_comes_back_every_window_over_permits_and_not_a_nanosecond_sooner() {
        for (int i = 0; i < 10; i++) limiter.acquire(TEN_PER_MINUTE, "k").orThrow();
        clock.advance(Duration.ofSeconds(6).minusNanos(1));
        assertThat(limiter.acquire(TEN_PER_MINUTE, "k")).isEqualTo(new Denied(10, Duration.ofNanos(1)));
        clock.advance(Duration.ofNanos(1));
        assertThat(limiter.acquire(TEN_PER_MINUTE, "k")).isEqualTo(new Allowed(10, 0, Duration.ofMinutes(1)));
        assertThat(limiter.acquire(TEN_PER_MINUTE, "k")).isInstanceOf(Denied.class);
    }

    @Test
    void a_key_left_alone_for_a_whole_window_is_fresh_again() {
        for (int i = 0; i < 10; i++) limiter.acquire(TEN_PER_MINUTE, "k").orThrow();
        clock.advance(Duration.ofMinutes(1));
        assertThat(limiter.acquire(TEN_PER_MINUTE, "k")).isEqualTo(new Allowed(10, 9, Duration.ofSeconds(6)));
    }

    @Test
    void denied_attempts_cost_nothing() {
        var one = new Limit("resend", 1, Duration.ofMinutes(15));
        limiter.acquire(one, "k").orThrow();
        for (int i = 0; i < 100; i++) assertThat(limiter.acquire(one, "k")).isInstanceOf(Denied.class);
        clock.advance(Duration.ofMinutes(15));
        assertThat(limiter.acquire(one, "k")).isInstanceOf(Allowed.class);
    }

    @Test
    void keys_and_limit_names_are_counted_apart() {
        var one = new Limit("a", 1, Duration.ofHours(1));
        limiter.acquire(one, "k").orThrow();
        assertThat(limiter.acquire(one, "k")).isInstanceOf(Denied.class);
        assertThat(limiter.acquire(one, "other")).isInstanceOf(Allowed.class);
        assertThat(limiter.acquire(new Limit("b", 1, Duration.ofHours(1)), "k")).isInstanceOf(Allowed.class);
    }

    @Test
    void or_throw_turns_a_denial_into_rate_limited_with_the_wait_in_whole_seconds() {
        var one = new Limit("a", 1, Duration.ofMillis(1500));
        limiter.acquire(one, "k").orThrow();
        Assertions.assertThatThrownBy(() -> limiter.acquire(one, "k").orThrow())
                .isInstanceOfSatisfying(RateLimited.class, e -> assertThat(e.retryAfterSeconds()).isEqualTo(2));
    }

    @Test
    void permits_that_do_not_divide_the_window_still_allow_exactly_the_permits() {
        var seven = new Limit("odd", 7, Duration.ofMinutes(1));
        for (int i = 0; i < 7; i++) assertThat(limiter.acquire(seven, "k")).isInstanceOf(Allowed.class);
        assertThat(limiter.acquire(seven, "k")).isInstanceOf(Denied.class);
    }

    @Test
    void many_threads_at_one_instant_get_exactly_the_permits_between_them() throws Exception {
        var limit = new Limit("burst", 500, Duration.ofMinutes(1));
        int threads = 8;
        int attemptsEach = 200;
        var start = new CountDownLatch(1);
        try (var pool = Executors.newFixedThreadPool(threads)) {
            var results = new ArrayList<Future<Integer>>();
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit(() -> {
                    start.await();
                    int allowed = 0;
                    for (int i = 0; i < attemptsEach; i++) {
                        if (limiter.acquire(limit, "shared") instanceof Allowed) allowed++;
                    }
                    return allowed;
                }));
            }
            start.countDown();
            int total = 0;
            for (var result : results) total += result.get(30, TimeUnit.SECONDS);
            assertThat(total).isEqualTo(500);
        }
    }

    @Test
    void buckets_that_have_refilled_are_swept_away() {
        for (int i = 0; i < 1000; i++) limiter.acquire(TEN_PER_MINUTE, "10.0.0." + i);
        assertThat(limiter.trackedKeys()).isEqualTo(1000);
        clock.advance(Duration.ofMinutes(2));
        limiter.acquire(TEN_PER_MINUTE, "someone new");
        assertThat(limiter.trackedKeys()).isEqualTo(1);
    }

    @Test
    void spraying_fresh_keys_stays_under_the_cap_and_does_not_free_a_key_being_held_back() {
        var small = new InMemoryRateLimiter(clock, 100);
        for (int i = 0; i < 10; i++) small.acquire(TEN_PER_MINUTE, "attacker").orThrow();
        assertThat(small.acquire(TEN_PER_MINUTE, "attacker")).isInstanceOf(Denied.class);
        for (int i = 0; i < 10_000; i++) {
            small.acquire(TEN_PER_MINUTE, "spray-" + i);
            assertThat(small.trackedKeys()).isLessThanOrEqualTo(101);
        }
        assertThat(small.acquire(TEN_PER_MINUTE, "attacker")).isInstanceOf(Denied.class);
    }

    @Test
    void a_clock_that_steps_back_allows_no_more_than_the_permits_and_holds_a_key_one_permit_interval_at_most() {
        var two = new Limit("two", 2, Duration.ofMinutes(1));
        limiter.acquire(two, "k").orThrow();
        limiter.acquire(two, "k").orThrow();
        clock.advance(Duration.ofHours(-1));
        assertThat(limiter.acquire(two, "k")).isEqualTo(new Denied(2, Duration.ofSeconds(30)));
        clock.advance(Duration.ofSeconds(30));
        assertThat(limiter.acquire(two, "k")).isInstanceOf(Allowed.class);
        assertThat(limiter.acquire(two, "k")).isInstanceOf(Denied.class);
    }
}
