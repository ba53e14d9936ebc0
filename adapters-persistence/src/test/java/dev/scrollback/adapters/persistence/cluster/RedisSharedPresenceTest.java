package dev.scrollback.adapters.persistence.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.adapters.persistence.cluster.RedisSharedPresence.Timings;
import dev.scrollback.application.shared.Activity;
import dev.scrollback.application.shared.Presence;
import dev.scrollback.application.shared.ControlledClock;
import dev.scrollback.application.shared.UuidV7;
import dev.scrollback.domain.shared.SessionId;
import io.lettuce.core.SetArgs;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Against the real Redis at 127.0.0.1:6379 (fails, never skips, without it), each test under a key prefix of its own. */
class RedisSharedPresenceTest {
    static final Instant T0 = Instant.parse("2031-06-01T09:00:00Z");
    static final Duration TTL = Timings.DEFAULT.heartbeat();

    final TestRedis redis = new TestRedis();
    final ControlledClock clock = new ControlledClock(T0);

    @AfterEach
    void cleanUp() {
        redis.close();
    }

    RedisSharedPresence instance(Timings timings, Clock clock) {
        return new RedisSharedPresence(redis.connections, redis.prefix, UuidV7.next(), timings, clock);
    }

    RedisSharedPresence instance() {
        return instance(Timings.DEFAULT, clock);
    }

    static Presence session(String doing) {
        return new Presence(new SessionId(UuidV7.next()), T0, new Activity(doing));
    }

    /** What a crash does to an instance, a heartbeat TTL later: its heartbeat expires, its presence stays readable. */
    void die(RedisSharedPresence instance) {
        redis.raw().del(redis.prefix + "instance:" + instance.instance());
    }

    @Test
    void each_instance_sees_the_others_sessions_and_what_their_callers_do_but_not_its_own() {
        var a = instance();
        var b = instance();
        var alice = session("reading General / Chat");
        var bob = session("in chat: Lobby");
        a.publish(List.of(alice));
        b.publish(List.of(bob));

        assertThat(a.others()).containsOnlyKeys(bob.session()).containsEntry(bob.session(), bob);
        assertThat(b.others()).containsOnlyKeys(alice.session()).containsEntry(alice.session(), alice);

        var later = new Presence(alice.session(), T0.plusSeconds(30), Activity.MAIL);
        a.publish(List.of(later));
        assertThat(b.lost(List.of(alice.session(), bob.session()))).isEmpty();
        assertThat(b.others()).as("a publish replaces the last").containsExactlyEntriesOf(java.util.Map.of(alice.session(), later));
    }

    @Test
    void the_sessions_of_an_instance_that_died_are_lost_at_once_and_only_those() {
        var a = instance();
        var b = instance();
        var c = instance();
        var alice = session("at the main menu");
        var bob = session("at the main menu");
        var carol = session("at the main menu");
        a.publish(List.of(alice));
        b.publish(List.of(bob));
        c.publish(List.of(carol));

        die(a);

        assertThat(b.lost(List.of(alice.session(), bob.session(), carol.session()))).containsExactly(alice.session());
        assertThat(c.lost(List.of(alice.session(), bob.session(), carol.session()))).containsExactly(alice.session());
        assertThat(b.others()).containsOnlyKeys(carol.session());
    }

    @Test
    void a_heartbeat_expires_a_ttl_after_the_last_publish() throws Exception {
        var short_ = new Timings(Duration.ofMillis(300), Duration.ofHours(1));
        var a = instance(short_, Clock.systemUTC());
        var b = instance(short_, Clock.systemUTC());
        var alice = session("at the main menu");
        a.publish(List.of(alice));
        b.publish(List.of());
        assertThat(b.lost(List.of(alice.session()))).as("alive").isEmpty();
        long started = System.nanoTime();
        while (b.lost(List.of(alice.session())).isEmpty()) Thread.sleep(20);    // a stopped publishing: it died
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(250));
    }

    @Test
    void a_web_session_used_on_a_live_instance_too_is_not_lost_when_the_other_dies() {
        var a = instance();
        var b = instance();
        var both = session("on the web");
        a.publish(List.of(both));
        b.publish(List.of(both));
        var c = instance();

        die(a);

        assertThat(c.lost(List.of(both.session()))).isEmpty();
        assertThat(c.others()).containsOnlyKeys(both.session());
    }

    @Test
    void a_session_no_instance_serves_is_lost_only_once_that_has_lasted_a_heartbeat_ttl() {
        var a = instance();
        a.publish(List.of());
        var b = instance();
        var justStarted = new SessionId(UuidV7.next());     // on a, which has not published it yet; or on an instance gone

        assertThat(b.lost(List.of(justStarted))).isEmpty();
        clock.advance(TTL.minusMillis(1));
        assertThat(b.lost(List.of(justStarted))).isEmpty();
        clock.advance(Duration.ofMillis(1));
        assertThat(b.lost(List.of(justStarted))).containsExactly(justStarted);

        var published = new SessionId(UuidV7.next());
        assertThat(b.lost(List.of(published))).isEmpty();
        a.publish(List.of(new Presence(published, T0, Activity.WEB)));
        clock.advance(TTL);
        assertThat(b.lost(List.of(published))).as("its instance published it meanwhile").isEmpty();
    }

    @Test
    void never_a_session_of_this_instance_even_when_redis_forgot_it() {
        var a = instance();
        var alice = session("at the main menu");
        a.publish(List.of(alice));
        die(a);
        redis.raw().del(redis.prefix + "presence:" + a.instance());
        clock.advance(TTL.multipliedBy(10));

        assertThat(a.lost(List.of(alice.session()))).isEmpty();
        assertThat(a.lost(List.of(alice.session()))).isEmpty();
    }

    @Test
    void a_graceful_stop_withdraws_at_once_and_leaves_no_keys() {
        var a = instance();
        var b = instance();
        var alice = session("at the main menu");
        a.publish(List.of(alice));
        b.publish(List.of());
        assertThat(b.others()).containsOnlyKeys(alice.session());

        a.withdraw();

        assertThat(b.lost(List.of())).isEmpty();                 // reads afresh
        assertThat(b.others()).isEmpty();
        assertThat(redis.raw().keys(redis.prefix + "*")).containsExactlyInAnyOrder(redis.prefix + "instance:" + b.instance(),
                redis.prefix + "presence:" + b.instance(), redis.prefix + "instances");
        assertThat(b.lost(List.of(alice.session()))).as("a session it did not end is unknown now, not yet lost").isEmpty();
    }

    @Test
    void the_keys_expire_a_ttl_or_an_ownership_ttl_after_the_last_publish() {
        var a = instance();
        a.publish(List.of(session("at the main menu")));
        long heartbeat = redis.raw().pttl(redis.prefix + "instance:" + a.instance());
        long ownership = redis.raw().pttl(redis.prefix + "presence:" + a.instance());
        assertThat(heartbeat).isBetween(TTL.toMillis() - 2_000, TTL.toMillis());
        assertThat(ownership).isBetween(Timings.DEFAULT.ownership().toMillis() - 2_000, Timings.DEFAULT.ownership().toMillis());
    }

    @Test
    void an_instance_with_more_sessions_than_it_may_publish_publishes_the_most_recent_and_says_its_list_is_partial() {
        var a = instance();
        var many = new ArrayList<Presence>();
        for (int i = 0; i <= RedisSharedPresence.MAX_SESSIONS; i++) {
            many.add(new Presence(new SessionId(UuidV7.next()), T0.plusSeconds(i), Activity.WEB));
        }
        a.publish(many);
        var b = instance();
        b.publish(List.of());

        assertThat(b.others()).hasSize(RedisSharedPresence.MAX_SESSIONS).doesNotContainKey(many.getFirst().session());
        var unpublished = many.getFirst().session();
        clock.advance(TTL.multipliedBy(3));
        assertThat(b.lost(List.of(unpublished))).as("maybe served by a").isEmpty();
        clock.advance(TTL.multipliedBy(3));
        assertThat(b.lost(List.of(unpublished))).isEmpty();
    }

    @Test
    void a_broken_or_hostile_peer_cannot_make_a_reader_read_without_limit() {
        var b = instance();
        b.publish(List.of());
        var raw = redis.raw();
        // Far more instances than a reader reads, each alive with one session.
        var planted = new ArrayList<SessionId>();
        for (int i = 0; i < RedisSharedPresence.MAX_INSTANCES + 8; i++) {
            var id = UUID.randomUUID();
            var session = new SessionId(UuidV7.next());
            planted.add(session);
            raw.set(redis.prefix + "presence:" + id, PresenceRecords.write(List.of(new Presence(session, T0, Activity.WEB)), true));
            raw.set(redis.prefix + "instance:" + id, "1".getBytes(StandardCharsets.UTF_8), SetArgs.Builder.px(60_000));
            raw.zadd(redis.prefix + "instances", (double) (System.currentTimeMillis() + i), id.toString().getBytes(StandardCharsets.UTF_8));
        }
        assertThat(b.others()).hasSize(RedisSharedPresence.MAX_INSTANCES);

        // One whose presence is 6 MiB of lines.
        var huge = UUID.randomUUID();
        var line = (UUID.randomUUID() + "\t1\t" + "x".repeat(40) + "\n").getBytes(StandardCharsets.UTF_8);
        var value = new byte[6 * 1024 * 1024];
        var header = (PresenceRecords.COMPLETE + "\n").getBytes(StandardCharsets.UTF_8);
        System.arraycopy(header, 0, value, 0, header.length);
        for (int at = header.length; at + line.length <= value.length; at += line.length) System.arraycopy(line, 0, value, at, line.length);
        raw.set(redis.prefix + "presence:" + huge, value);
        raw.set(redis.prefix + "instance:" + huge, "1".getBytes(StandardCharsets.UTF_8), SetArgs.Builder.px(60_000));
        raw.zadd(redis.prefix + "instances", (double) (System.currentTimeMillis() + 1_000_000), huge.toString().getBytes(StandardCharsets.UTF_8));

        assertThat(b.lost(List.of()).size()).isZero();
        assertThat(b.others().size()).isLessThanOrEqualTo(RedisSharedPresence.MAX_SESSIONS + RedisSharedPresence.MAX_INSTANCES);
        var nobodys = new SessionId(UuidV7.next());
        clock.advance(TTL.multipliedBy(2));
        assertThat(b.lost(List.of(nobodys))).as("a partial list: cannot tell").isEmpty();
        assertThat(IntStream.range(0, planted.size()).mapToObj(planted::get).filter(b.others()::containsKey).count())
                .isLessThanOrEqualTo(RedisSharedPresence.MAX_INSTANCES);
        assertThat(Set.copyOf(b.others().values()).size()).isEqualTo(b.others().size());
    }

    @Test
    void a_redis_that_cannot_be_reached_is_reported_and_publishing_fails_until_it_is_back() throws Exception {
        try (var proxy = new TcpProxy(6379);
             var through = RedisConnections.open("redis://127.0.0.1:" + proxy.port() + "/0")) {
            var a = new RedisSharedPresence(through, redis.prefix, UuidV7.next(), Timings.DEFAULT, clock);
            a.publish(List.of());
            assertThat(through.reachable()).isTrue();

            proxy.cut();
            assertThat(through.reachable()).isFalse();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> a.publish(List.of()))
                    .isInstanceOf(io.lettuce.core.RedisException.class);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> a.lost(List.of(new SessionId(UuidV7.next()))))
                    .as("never 'lost' for want of an answer").isInstanceOf(io.lettuce.core.RedisException.class);
            assertThat(a.others()).as("who's online goes on without activities").isEmpty();

            proxy.restore();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!through.reachable() && System.nanoTime() < deadline) Thread.sleep(100);    // Lettuce reconnects
            assertThat(through.reachable()).isTrue();
            a.publish(List.of());
        }
    }
}
