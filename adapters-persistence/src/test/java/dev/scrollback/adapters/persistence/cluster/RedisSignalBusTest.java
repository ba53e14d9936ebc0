package dev.scrollback.adapters.persistence.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.application.live.Signal;
import dev.scrollback.application.shared.Activity;
import dev.scrollback.application.shared.UuidV7;
import dev.scrollback.domain.chat.ChatRoomId;
import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.Handle;
import dev.scrollback.domain.shared.SessionId;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Typing and presence heartbeats across instances, against the real Redis at 127.0.0.1:6379 (fails without it). */
class RedisSignalBusTest {
    final TestRedis redis = new TestRedis();

    @AfterEach
    void cleanUp() {
        redis.close();
    }

    @Test
    void a_signal_reaches_this_instance_once_and_every_other_instance() throws Exception {
        var heardHere = new LinkedBlockingQueue<Signal>();
        var heardThere = new LinkedBlockingQueue<Signal>();
        try (var other = RedisConnections.open(TestRedis.URL);
             var here = new RedisSignalBus(redis.connections, redis.prefix, UuidV7.next());
             var there = new RedisSignalBus(other, redis.prefix, UuidV7.next())) {
            here.listen(heardHere::add);
            there.listen(heardThere::add);
            var typing = new Signal.Typing(new ChatRoomId(UuidV7.next()), new AccountId(UuidV7.next()), new Handle("Amiga"),
                    new SessionId(UuidV7.next()));
            var doing = new Signal.Doing(new SessionId(UuidV7.next()), new Handle("Bbsfan"), new Activity("in chat: Lobby"));

            here.publish(typing);
            there.publish(doing);

            assertThat(java.util.List.of(heardThere.poll(10, TimeUnit.SECONDS), heardThere.poll(10, TimeUnit.SECONDS)))
                    .containsExactlyInAnyOrder(typing, doing);
            assertThat(java.util.List.of(heardHere.poll(10, TimeUnit.SECONDS), heardHere.poll(10, TimeUnit.SECONDS)))
                    .containsExactlyInAnyOrder(typing, doing);
            Thread.sleep(200);
            assertThat(heardHere).as("no echo of its own").isEmpty();
        }
    }

    @Test
    void malformed_and_oversized_messages_are_dropped() {
        try (var bus = new RedisSignalBus(redis.connections, redis.prefix, UuidV7.next())) {
            var stranger = UuidV7.next() + "\t";
            for (var junk : new String[] {"", "x", stranger + "typing\tnot-a-room\ta\tb\tc", stranger + "doing\tx",
                    stranger + "doing\t" + UuidV7.next() + "\tAmiga\ttwo\nlines", stranger + "unknown\t1\t2",
                    stranger + "doing\t" + UuidV7.next() + "\tAmiga\t" + "x".repeat(2_000)}) {
                assertThat(bus.decode(junk.getBytes(StandardCharsets.UTF_8))).as(junk).isEmpty();
            }
            assertThat(bus.decode(null)).isEmpty();
            var good = bus.decode((stranger + "doing\t" + UuidV7.next() + "\tAmiga\treading mail").getBytes(StandardCharsets.UTF_8));
            assertThat(good).hasValueSatisfying(s -> assertThat(((Signal.Doing) s).activity().description()).isEqualTo("reading mail"));
        }
    }
}
