package dev.scrollback.adapters.sandbox.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scrollback.adapters.sandbox.call.HostCalls;
import dev.scrollback.application.hooks.PostOutcome;
import dev.scrollback.application.hooks.PublicUser;
import dev.scrollback.application.plugins.PluginHost;
import dev.scrollback.domain.plugins.Engine;
import dev.scrollback.domain.plugins.EntryPoint;
import dev.scrollback.domain.plugins.Hook;
import dev.scrollback.domain.plugins.LicenseId;
import dev.scrollback.domain.plugins.Permission;
import dev.scrollback.domain.plugins.PluginAuthor;
import dev.scrollback.domain.plugins.PluginDescription;
import dev.scrollback.domain.plugins.PluginLimits;
import dev.scrollback.domain.plugins.PluginManifest;
import dev.scrollback.domain.plugins.PluginVersion;
import dev.scrollback.domain.plugins.VersionRange;
import dev.scrollback.domain.shared.Handle;
import dev.scrollback.domain.shared.PluginName;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The BBS's host functions on the wire: what a plugin may send, what it is answered, and what it may not call. */
class HostWireTest {
    static final UUID ROOM = UUID.fromString("0195f0a0-0000-7000-8000-0000000000c0");
    static final UUID THREAD = UUID.fromString("0195f0a0-0000-7000-8000-0000000000d0");
    static final UUID MESSAGE = UUID.fromString("0195f0a0-0000-7000-8000-0000000000d1");

    final ExecutorService workers = Executors.newFixedThreadPool(2);
    final List<String> asked = new CopyOnWriteArrayList<>();
    final java.util.concurrent.CountDownLatch released = new java.util.concurrent.CountDownLatch(1);
    final PluginHost host = new PluginHost() {
        @Override
        public PostOutcome postMessage(String room, String text) {
            if (text.equals("slow")) {
                try {
                    released.await();                                  // a post that takes until the test lets it go
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            asked.add(room + ": " + text);
            if (text.equals("explode")) throw new IllegalStateException("the store is down");
            return room.equals("Lobby") ? new PostOutcome.Posted(ROOM) : new PostOutcome.Refused("no public room is named " + room);
        }

        @Override
        public PostOutcome replyInThread(UUID thread, String text) {
            asked.add("thread " + thread + ": " + text);
            return thread.equals(THREAD) ? new PostOutcome.Replied(THREAD, MESSAGE) : new PostOutcome.Refused("no such thread");
        }

        @Override
        public Optional<PublicUser> readUser(Handle handle) {
            asked.add("who is " + handle.value());
            return handle.key().equals(new Handle("Ada").key())
                    ? Optional.of(new PublicUser(new Handle("Ada"), List.of("sysop", "member"), Instant.parse("2031-05-01T12:00:00Z")))
                    : Optional.empty();
        }
    };

    @AfterEach
    void stop() {
        workers.shutdownNow();
    }

    @Test
    void a_post_is_a_json_request_answered_by_a_json_outcome() {
        var wire = wire(new Permission.PostMessage());

        assertThat(wire.postMessage("{\"room\":\"Lobby\",\"text\":\"Hi \\\"you\\\" ✓\"}"))
                .isEqualTo("{\"posted\":true,\"room\":\"" + ROOM + "\"}");
        assertThat(wire.postMessage("{\"room\":\"Den\",\"text\":\"psst\"}")).isEqualTo("{\"error\":\"no public room is named Den\"}");
        assertThat(asked).containsExactly("Lobby: Hi \"you\" ✓", "Den: psst");
    }

    @Test
    void a_reply_in_a_thread_names_the_thread_and_is_answered_with_the_new_message() {
        var wire = wire(new Permission.PostMessage());

        assertThat(wire.postMessage("{\"thread\":\"" + THREAD + "\",\"text\":\"pong\"}"))
                .isEqualTo("{\"posted\":true,\"thread\":\"" + THREAD + "\",\"message\":\"" + MESSAGE + "\"}");
        var elsewhere = UUID.fromString("0195f0a0-0000-7000-8000-0000000000ee");
        assertThat(wire.postMessage("{\"thread\":\"" + elsewhere + "\",\"text\":\"pong\"}"))
                .isEqualTo("{\"error\":\"no such thread\"}");
        assertThat(asked).containsExactly("thread " + THREAD + ": pong", "thread " + elsewhere + ": pong");
    }

    @Test
    void hostile_thread_requests_are_answered_with_an_error_and_reach_nothing() {
        var wire = wire(new Permission.PostMessage());

        for (var request : List.of("{\"thread\":\"" + THREAD + "\"}", "{\"thread\":\"not-an-id\",\"text\":\"hi\"}",
                "{\"thread\":\"\",\"text\":\"hi\"}", "{\"thread\":42,\"text\":\"hi\"}",
                "{\"thread\":[\"" + THREAD + "\"],\"text\":\"hi\"}",
                "{\"thread\":\"" + THREAD + "\",\"room\":\"Lobby\",\"text\":\"both\"}",
                "{\"thread\":\"../../" + THREAD + "\",\"text\":\"hi\"}",
                "{\"thread\":\"" + "f".repeat(5_000) + "\",\"text\":\"hi\"}")) {
            assertThat(wire.postMessage(request)).as(request.length() > 60 ? request.substring(0, 60) : request)
                    .startsWith("{\"error\":\"");
        }
        assertThat(asked).isEmpty();
    }

    @Test
    void hostile_requests_are_answered_with_an_error_and_reach_nothing() {
        var wire = wire(new Permission.PostMessage());

        for (var request : List.of("", "not json", "[1,2]", "\"Lobby\"", "null", "{\"room\":\"Lobby\"}",
                "{\"room\":1,\"text\":\"hi\"}", "{\"room\":\"Lobby\",\"text\":{\"a\":1}}", "{\"room\":\"Lobby\",\"text\":\"hi\"",
                "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]", "{\"room\":\"Lobby\",\"text\":\"" + "x".repeat(20_000) + "\"}")) {
            assertThat(wire.postMessage(request)).as(request.length() > 60 ? request.substring(0, 60) : request)
                    .startsWith("{\"error\":\"");
        }
        assertThat(asked).isEmpty();
    }

    @Test
    void when_the_bbs_fails_the_plugin_is_told_nothing_was_said_and_is_not_blamed() {
        assertThat(wire(new Permission.PostMessage()).postMessage("{\"room\":\"Lobby\",\"text\":\"explode\"}"))
                .isEqualTo("{\"error\":\"the BBS could not take the post now; nothing was said\"}");
    }

    @Test
    void read_user_answers_public_facts_or_nothing() {
        var wire = wire(new Permission.ReadUser());

        assertThat(wire.readUser("ada")).contains(
                "{\"handle\":\"Ada\",\"roles\":[\"member\",\"sysop\"],\"member_since\":\"2031-05-01T12:00:00Z\"}");
        assertThat(wire.readUser("Nobody")).isEmpty();
        assertThat(wire.readUser("")).as("not a handle: nothing asked").isEmpty();
        assertThat(wire.readUser("\u0000\u001b[2J")).isEmpty();
        assertThat(asked).containsExactly("who is ada", "who is Nobody");
    }

    @Test
    void a_function_the_manifest_does_not_grant_is_forbidden_before_anything_is_read() {
        var wire = wire(new Permission.KeyValueStorage());

        assertThatThrownBy(() -> wire.postMessage("{\"room\":\"Lobby\",\"text\":\"hi\"}")).isInstanceOf(HostCalls.Forbidden.class)
                .hasMessage("post_message needs the post_message permission; the manifest does not grant it");
        assertThatThrownBy(() -> wire.readUser("Ada")).isInstanceOf(HostCalls.Forbidden.class)
                .hasMessage("read_user needs the read_user permission; the manifest does not grant it");
        assertThat(asked).isEmpty();
    }

    @Test
    void an_interrupted_caller_stops_waiting_and_the_post_finishes_on_its_own() throws Exception {
        var wire = wire(new Permission.PostMessage());
        Thread.currentThread().interrupt();

        assertThatThrownBy(() -> wire.postMessage("{\"room\":\"Lobby\",\"text\":\"slow\"}")).isInstanceOf(HostCalls.Interrupted.class);
        assertThat(Thread.interrupted()).as("the interrupt is kept for the engine").isTrue();
        assertThat(asked).as("still being posted").isEmpty();
        released.countDown();
        workers.shutdown();
        assertThat(workers.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(asked).containsExactly("Lobby: slow");
    }

    private HostWire wire(Permission permission) {
        var manifest = new PluginManifest(new PluginName("bot"), PluginVersion.parse("1.0.0"), VersionRange.parse("^0.1.0"),
                new PluginDescription("A bot"), new PluginAuthor("Tests"), new LicenseId("MIT"), Engine.WASM,
                new EntryPoint("plugin.wasm"), Set.of(Hook.ON_MESSAGE_POST), Set.of(permission), PluginLimits.defaults());
        return new HostWire(manifest, host, workers);
    }
}
