package dev.scrollback.adapters.persistence.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.application.shared.UuidV7;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Against the real Redis at 127.0.0.1:6379 (fails, never skips, without it). */
class RedisAppendNoticesTest {
    final TestRedis redis = new TestRedis();

    @AfterEach
    void cleanUp() {
        redis.close();
    }

    @Test
    void a_commit_on_one_instance_wakes_the_others_and_not_itself() throws Exception {
        var heardByA = new Semaphore(0);
        var heardByB = new Semaphore(0);
        var heardByC = new Semaphore(0);
        try (var a = new RedisAppendNotices(redis.connections, redis.prefix, UuidV7.next(), heardByA::release);
             var otherB = RedisConnections.open(TestRedis.URL);
             var otherC = RedisConnections.open(TestRedis.URL);
             var b = new RedisAppendNotices(otherB, redis.prefix, UuidV7.next(), heardByB::release);
             var c = new RedisAppendNotices(otherC, redis.prefix, UuidV7.next(), heardByC::release)) {
            a.committed();
            assertThat(heardByB.tryAcquire(10, TimeUnit.SECONDS)).isTrue();
            assertThat(heardByC.tryAcquire(10, TimeUnit.SECONDS)).isTrue();

            for (int i = 0; i < 1_000; i++) a.committed();       // a burst: coalesced, but the last is always told
            assertThat(heardByB.tryAcquire(10, TimeUnit.SECONDS)).isTrue();
            b.committed();
            assertThat(heardByC.tryAcquire(10, TimeUnit.SECONDS)).isTrue();
            c.committed();
            assertThat(heardByB.tryAcquire(10, TimeUnit.SECONDS)).isTrue();
            assertThat(heardByA.tryAcquire(2, 10, TimeUnit.SECONDS)).as("a hears b and c").isTrue();
            Thread.sleep(200);
            assertThat(heardByA.availablePermits()).as("and never itself").isZero();
        }
    }

    @Test
    void another_prefix_is_another_deployment() throws Exception {
        var heard = new Semaphore(0);
        try (var other = RedisConnections.open(TestRedis.URL);
             var elsewhere = new RedisAppendNotices(other, redis.prefix + "other:", UuidV7.next(), heard::release);
             var here = new RedisAppendNotices(redis.connections, redis.prefix, UuidV7.next(), () -> {});
             var third = RedisConnections.open(TestRedis.URL);
             var sameDeployment = new RedisAppendNotices(third, redis.prefix, UuidV7.next(), heard::release)) {
            here.committed();
            assertThat(heard.tryAcquire(10, TimeUnit.SECONDS)).isTrue();
            assertThat(heard.tryAcquire(300, TimeUnit.MILLISECONDS)).as("nothing on the other prefix").isFalse();
        }
    }
}
