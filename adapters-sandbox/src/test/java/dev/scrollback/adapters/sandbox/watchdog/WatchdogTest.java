package dev.scrollback.adapters.sandbox.watchdog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Behaviour only: what is cancelled and what is not; no test here measures time. */
class WatchdogTest {
    private final Watchdog watchdog = Watchdog.start("watchdog-test");

    @AfterEach
    void stop() {
        watchdog.close();
    }

    @Test
    void a_call_past_its_deadline_is_cancelled() throws InterruptedException {
        var cancelled = new CountDownLatch(1);

        var watch = watchdog.register(Duration.ofMillis(5), cancelled::countDown);
        cancelled.await();

        assertThat(watch.expired()).isTrue();
        watch.close();
        assertThat(watchdog.watching()).isZero();
    }

    @Test
    void a_sleeping_thread_is_interrupted() throws InterruptedException {
        var interrupted = new CountDownLatch(1);
        var sleeper = Thread.ofPlatform().start(() -> {
            var watch = watchdog.register(Duration.ofMillis(5), Cancellable.interrupting(Thread.currentThread()));
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                interrupted.countDown();
            } finally {
                watch.close();
            }
        });

        interrupted.await();
        sleeper.join();
    }

    @Test
    void a_watch_closed_in_time_is_never_cancelled() throws InterruptedException {
        var early = new AtomicInteger();
        var later = new CountDownLatch(1);

        var closed = watchdog.register(Duration.ofMillis(20), early::incrementAndGet);
        closed.close();
        watchdog.register(Duration.ofMillis(40), later::countDown);
        later.await();   // deadlines fire in order: had the first been armed, it would have fired by now

        assertThat(early).hasValue(0);
        assertThat(closed.expired()).isFalse();
    }

    @Test
    void watches_expire_in_deadline_order_whatever_order_they_came_in() throws InterruptedException {
        var fired = new CopyOnWriteArrayList<String>();
        var all = new CountDownLatch(3);

        watchdog.register(Duration.ofMillis(30), () -> { fired.add("third"); all.countDown(); });
        watchdog.register(Duration.ofMillis(10), () -> { fired.add("first"); all.countDown(); });
        watchdog.register(Duration.ofMillis(20), () -> { fired.add("second"); all.countDown(); });
        all.await();

        assertThat(fired).isEqualTo(List.of("first", "second", "third"));
    }

    @Test
    void a_failing_cancellation_does_not_stop_the_watchdog() throws InterruptedException {
        var after = new CountDownLatch(1);

        watchdog.register(Duration.ZERO, () -> { throw new IllegalStateException("cannot cancel"); });
        watchdog.register(Duration.ofMillis(5), after::countDown);

        after.await();
    }

    @Test
    void a_negative_timeout_expires_at_once() throws InterruptedException {
        var cancelled = new CountDownLatch(1);

        watchdog.register(Duration.ofMillis(-5), cancelled::countDown);

        cancelled.await();
    }

    @Test
    void a_probe_that_finds_a_breach_cancels_the_call_long_before_its_deadline() throws InterruptedException {
        var cancelled = new CountDownLatch(1);
        var probes = new AtomicInteger();

        var watch = watchdog.register(Duration.ofHours(1), cancelled::countDown, () -> probes.incrementAndGet() >= 3,
                Duration.ofMillis(1));
        cancelled.await();

        assertThat(watch.breached()).isTrue();
        assertThat(watch.expired()).isFalse();
        assertThat(probes).hasValue(3);
        watch.close();
        assertThat(watchdog.watching()).isZero();
    }

    @Test
    void a_call_within_its_budget_is_probed_until_its_deadline_cancels_it() throws InterruptedException {
        var cancelled = new CountDownLatch(1);
        var probes = new AtomicInteger();

        var watch = watchdog.register(Duration.ofMillis(30), cancelled::countDown, () -> { probes.incrementAndGet(); return false; },
                Duration.ofMillis(1));
        cancelled.await();

        assertThat(watch.expired()).isTrue();
        assertThat(watch.breached()).isFalse();
        assertThat(probes.get()).isPositive();
    }

    @Test
    void a_closed_watch_is_probed_no_more() throws InterruptedException {
        var probes = new AtomicInteger();
        var later = new CountDownLatch(1);

        var closed = watchdog.register(Duration.ofHours(1), () -> {}, () -> { probes.incrementAndGet(); return false; },
                Duration.ofMillis(1));
        closed.close();
        int afterClose = probes.get();
        watchdog.register(Duration.ofMillis(30), later::countDown);
        later.await();

        assertThat(probes).hasValue(afterClose);
        assertThat(watchdog.watching()).isZero();
    }

    @Test
    void a_probe_that_fails_counts_as_a_breach() throws InterruptedException {
        var cancelled = new CountDownLatch(1);

        var watch = watchdog.register(Duration.ofHours(1), cancelled::countDown,
                () -> { throw new IllegalStateException("cannot read the budget"); }, Duration.ofMillis(1));
        cancelled.await();

        assertThat(watch.breached()).isTrue();
    }
}
