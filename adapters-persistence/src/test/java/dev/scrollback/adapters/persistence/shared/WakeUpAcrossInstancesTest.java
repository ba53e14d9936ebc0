package dev.scrollback.adapters.persistence.shared;

import static dev.scrollback.adapters.persistence.shared.SampleEvents.metadata;
import static dev.scrollback.adapters.persistence.shared.SampleEvents.verified;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.adapters.persistence.cluster.RedisAppendNotices;
import dev.scrollback.adapters.persistence.cluster.RedisConnections;
import dev.scrollback.application.shared.EventLog;
import dev.scrollback.application.shared.ExpectedVersion;
import dev.scrollback.application.shared.RecordedEvent;
import dev.scrollback.application.shared.StreamAppend;
import dev.scrollback.application.shared.StreamId;
import dev.scrollback.application.shared.UuidV7;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Two stores on one PostgreSQL schema, as two instances would be, told of each other's commits through the real Redis
 * (127.0.0.1:6379; fails, never skips, without it or PostgreSQL): a follower on one reads the other's append at once,
 * not at its next poll ({@code LiveFollower.POLL}, 250 ms).
 */
class WakeUpAcrossInstancesTest {

    @Test
    void each_commit_is_passed_on_and_a_notice_from_elsewhere_wakes_the_followers_at_once() throws Exception {
        var prefix = "scrollback-test:" + UUID.randomUUID() + ":";
        try (var schema = new PostgresSchema();
             var one = EventStore.open(schema.settings());
             var two = EventStore.open(schema.settings());
             var redisOne = RedisConnections.open("redis://127.0.0.1:6379/0");
             var redisTwo = RedisConnections.open("redis://127.0.0.1:6379/0");
             var noticesOne = new RedisAppendNotices(redisOne, prefix, UuidV7.next(), one::appendedElsewhere);
             var noticesTwo = new RedisAppendNotices(redisTwo, prefix, UuidV7.next(), two::appendedElsewhere)) {
            var commits = new AtomicInteger();
            one.afterEachCommit(() -> {
                commits.incrementAndGet();
                noticesOne.committed();
            });
            two.afterEachCommit(noticesTwo::committed);
            BlockingQueue<RecordedEvent> seenOnTwo = new LinkedBlockingQueue<>();
            try (EventLog.Subscription follower = two.eventLog().follow(two.eventLog().lastPosition(), seenOnTwo::add)) {
                Thread.sleep(300);                        // the follower has caught up and waits
                var latencies = new ArrayList<Duration>();
                for (int i = 0; i < 20; i++) {
                    long before = System.nanoTime();
                    var stored = one.eventLog().append(new StreamAppend(StreamId.of("account", UUID.randomUUID()),
                            ExpectedVersion.noStream(), List.of(verified(i))), metadata());
                    var seen = seenOnTwo.poll(10, TimeUnit.SECONDS);
                    latencies.add(Duration.ofNanos(System.nanoTime() - before));
                    assertThat(seen).isNotNull();
                    assertThat(seen.position()).isEqualTo(stored.getFirst().position());
                    Thread.sleep(37);                     // land anywhere in the poll's cycle
                }
                assertThat(commits.get()).isGreaterThanOrEqualTo(20);
                var sorted = latencies.stream().sorted().toList();
                System.out.println("append on one → follower on two: median " + sorted.get(10).toMillis() + " ms, max "
                        + sorted.getLast().toMillis() + " ms");
                // Polling alone would put the median near half a poll (125 ms); told through Redis it is a few ms.
                assertThat(sorted.get(10)).isLessThan(Duration.ofMillis(100));
            }
        }
    }
}
