package dev.scrollback.application.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class UuidV7Test {

    @Test
    void it_is_version_7_with_the_rfc_variant() {
        var id = UuidV7.next();
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);                                  // binary 10
        assertThat(id.toString().charAt(14)).isEqualTo('7');
        assertThat(id.toString().charAt(19)).isIn('8', '9', 'a', 'b');
    }

    @Test
    void it_carries_the_unix_milliseconds_of_its_creation() {
        long before = System.currentTimeMillis();
        var id = UuidV7.next();
        long millis = id.getMostSignificantBits() >>> 16;
        assertThat(millis).isGreaterThanOrEqualTo(before);
    }

    @Test
    void ids_from_one_thread_strictly_increase() {
        var previous = UuidV7.next();
        for (int i = 0; i < 100_000; i++) {
            var next = UuidV7.next();
            assertThat(next.version()).isEqualTo(7);
            assertThat(next.variant()).isEqualTo(2);
            if (Long.compareUnsigned(next.getMostSignificantBits(), previous.getMostSignificantBits()) <= 0) {
                throw new AssertionError("not increasing: " + previous + " then " + next);
            }
            assertThat(next.toString()).isGreaterThan(previous.toString());   // sorts as text, too
            previous = next;
        }
    }

    @Test
    void ids_are_unique_across_threads() throws InterruptedException {
        int threads = 4;
        int each = 25_000;
        Set<UUID> all = ConcurrentHashMap.newKeySet();
        var start = new CountDownLatch(1);
        var workers = new ArrayList<Thread>();
        for (int t = 0; t < threads; t++) {
            workers.add(Thread.ofPlatform().start(() -> {
                var mine = new ArrayList<UUID>(each);
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                for (int i = 0; i < each; i++) mine.add(UuidV7.next());
                all.addAll(mine);
            }));
        }
        start.countDown();
        for (var worker : workers) worker.join();
        assertThat(all).hasSize(threads * each);
    }

    @Test
    void ids_taken_in_turn_from_several_threads_keep_increasing() throws InterruptedException {
        List<UUID> inOrder = new ArrayList<>();
        Runnable take = () -> {
            for (int i = 0; i < 1_000; i++) {
                synchronized (inOrder) {
                    inOrder.add(UuidV7.next());
                }
            }
        };
        var a = Thread.ofPlatform().start(take);
        var b = Thread.ofPlatform().start(take);
        a.join();
        b.join();
        assertThat(new HashSet<>(inOrder)).hasSize(2_000);
        assertThat(inOrder).isSortedAccordingTo((x, y) -> Long.compareUnsigned(x.getMostSignificantBits(), y.getMostSignificantBits()));
    }
}
