package dev.scrollback.bootstrap;

import static dev.scrollback.bootstrap.WalkingSkeletonEndToEndTest.untilTrue;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scrollback.adapters.web.WebServer;
import dev.scrollback.application.shared.ControlledClock;
import dev.scrollback.adapters.persistence.webhooks.JdbcWebhookStore;
import dev.scrollback.application.webhooks.WebhookDispatcher;
import dev.scrollback.domain.webhooks.WebhookId;
import dev.scrollback.domain.webhooks.WebhookState.Status;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Webhooks (issue 7 item 6) through the real server, to a real receiver on this machine (private addresses allowed by
 * {@code SCROLLBACK_WEBHOOK_ALLOW_PRIVATE}): signed messages in position order, the cursor, retries on the test's
 * clock up to the three-day give-up, resume from the cursor, a restart mid-stream, and the sysop's other controls.
 */
class WebhooksEndToEndTest {
    static final String ADMIN = "/api/v1/admin/webhooks";

    @TempDir
    Path data;

    /** Starts at the real time, so the reference library's own timestamp check can run on the first messages. */
    final ControlledClock clock = new ControlledClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));

    ConfigurableApplicationContext serve() {
        var settings = new HashMap<String, Object>(Map.of(
                "SCROLLBACK_DATA_DIR", data.toString(), "SCROLLBACK_TELNET_PORT", "0", "SCROLLBACK_HTTP_PORT", "0",
                "SCROLLBACK_TELNET_HOST", "127.0.0.1", "SCROLLBACK_HTTP_HOST", "127.0.0.1",
                "SCROLLBACK_SYSOP_HANDLE", TestBbs.SYSOP, "SCROLLBACK_SYSOP_PASSWORD", TestBbs.SYSOP_PASSWORD,
                "SCROLLBACK_WEBHOOK_ALLOW_PRIVATE", "true"));
        settings.put("SCROLLBACK_WEBHOOK_POLL", "100ms");
        return ScrollbackApplication.serve(settings, clock);
    }

    static Http web(ConfigurableApplicationContext app) {
        return new Http(app.getBean(WebServer.class).port());
    }

    /** Creates a chat room, joins it and says {@code lines} in it; returns the room's id. */
    static String chat(Http web, String sysop, String room, String... lines) throws Exception {
        var id = web.post("/api/v1/chat/rooms", Map.of("name", room, "kind", "public"), sysop).body().get("id").asText();
        assertThat(web.post("/api/v1/chat/rooms/" + id + "/join", Map.of(), sysop).status()).isEqualTo(200);
        say(web, sysop, id, lines);
        return id;
    }

    static void say(Http web, String sysop, String room, String... lines) throws Exception {
        for (var line : lines) {
            assertThat(web.post("/api/v1/chat/rooms/" + room + "/messages", Map.of("text", line), sysop).status()).isEqualTo(201);
        }
    }

    static List<JsonNode> feed(Http web, String token) throws Exception {
        var all = new ArrayList<JsonNode>();
        web.get("/api/v1/events?after=0&limit=1000", token).body().get("events").forEach(all::add);
        return all;
    }

    static List<String> texts(List<WebhookReceiver.Received> received) throws Exception {
        var texts = new ArrayList<String>();
        for (var r : received) {
            var json = r.json();
            if (json.path("type").asText().equals("ChatMessageSent")) texts.add(json.at("/data/text/personal").asText());
        }
        return texts;
    }

    @Test
    void a_subscription_receives_its_events_signed_in_order_and_the_secret_never_reaches_the_feed() throws Exception {
        try (var receiver = new WebhookReceiver(); var app = serve()) {
            var web = web(app);
            var sysop = web.logIn(TestBbs.SYSOP, TestBbs.SYSOP_PASSWORD);
            var created = web.post(ADMIN, Map.of("url", receiver.url(), "categories", List.of("chatroom"),
                    "eventTypes", List.of("ChatRoomCreated", "ChatMessageSent"), "description", "Chat archive"), sysop);
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            var secret = created.body().get("secret").asText();
            var id = created.body().at("/webhook/id").asText();
            assertThat(secret).startsWith("whsec_");
            assertThat(created.body().at("/webhook/status").asText()).isEqualTo("active");

            chat(web, sysop, "Lobby", "one", "two", "three");
            untilTrue(() -> texts(receiver.acknowledged()).size() == 3 ? "all" : "");
            var got = receiver.acknowledged();
            assertThat(texts(got)).containsExactly("one", "two", "three");
            assertThat(got).extracting(WebhookReceiver.Received::position).isSorted().doesNotHaveDuplicates();
            var feed = feed(web, sysop);
            for (var message : got) {
                message.verify(secret);                                    // the reference library, timestamp and all
                var json = message.json();
                assertThat(message.header("webhook-id")).isEqualTo(json.get("id").asText());
                assertThat(message.position()).isEqualTo(json.get("position").asLong());
                assertThat(message.header("content-type")).isEqualTo("application/json");
                var paged = feed.stream().filter(e -> e.get("position").asLong() == message.position()).findFirst().orElseThrow();
                assertThat(json).as("the feed's own item").isEqualTo(paged);
                assertThat(json.get("stream").asText()).startsWith("chatroom-");
            }
            var shown = web.get(ADMIN + "/" + id, sysop).body();
            assertThat(shown.get("cursor").asLong()).isEqualTo(got.getLast().position());
            assertThat(shown.has("secret")).isFalse();

            // the subscription is in the log as the sysop's act; its secret is not, in any form
            var subscribed = feed.stream().filter(e -> e.get("type").asText().equals("WebhookSubscribed")).findFirst().orElseThrow();
            assertThat(subscribed.at("/actor/handle").asText()).isEqualTo(TestBbs.SYSOP);
            assertThat(subscribed.at("/data/url").asText()).as("the query may hold a token: not in the feed")
                    .isEqualTo(receiver.url().replace("?tenant=t1", "?…"));
            assertThat(shown.get("url").asText()).isEqualTo(receiver.url());
            var everything = web.get("/api/v1/events?after=0&limit=1000", sysop).body().toString();
            assertThat(everything).doesNotContain(secret).doesNotContain(secret.substring("whsec_".length()));
            untilTrue(() -> web.get("/api/v1/audit?type=WebhookSubscribed", sysop).body().toString()
                    .contains("webhook " + id + " subscribed to " + receiver.url().replace("?tenant=t1", "?…")) ? "audited" : "");

            var deliveries = web.get(ADMIN + "/" + id + "/deliveries?limit=2", sysop).body();
            assertThat(deliveries.get("deliveries")).hasSize(2);
            assertThat(deliveries.at("/deliveries/0/status").asInt()).isEqualTo(204);
            assertThat(deliveries.at("/deliveries/0/position").asLong()).isEqualTo(got.getLast().position());
            var older = web.get(ADMIN + "/" + id + "/deliveries?before=" + deliveries.get("next").asLong(), sysop).body();
            assertThat(older.at("/deliveries/0/sequence").asLong()).isLessThan(deliveries.at("/deliveries/1/sequence").asLong());
        }
    }

    @Test
    void failures_are_retried_in_order_with_backoff_until_the_subscription_is_disabled_and_a_resume_continues_from_the_cursor()
            throws Exception {
        try (var receiver = new WebhookReceiver(); var app = serve()) {
            var web = web(app);
            var sysop = web.logIn(TestBbs.SYSOP, TestBbs.SYSOP_PASSWORD);
            receiver.failing.set(Integer.MAX_VALUE);
            var created = web.post(ADMIN, Map.of("url", receiver.url(), "eventTypes", List.of("ChatMessageSent")), sysop).body();
            var id = created.at("/webhook/id").asText();
            var secret = created.get("secret").asText();
            var started = clock.instant();
            chat(web, sysop, "Lobby", "first", "second", "third");

            // the first event fails; the later ones wait behind it
            var shown = until(web, sysop, id, s -> s.at("/failing/attempts").asInt() == 1);
            var firstWait = Duration.between(clock.instant(), Instant.parse(shown.at("/failing/nextAttempt").asText()));
            assertThat(firstWait).isBetween(Duration.ofSeconds(8), Duration.ofSeconds(12));   // 10 s, ±20 %
            long stuck = shown.at("/failing/position").asLong();
            assertThat(shown.get("cursor").asLong()).isLessThan(stuck);

            // nothing is tried again before the wait is over; then the same message goes again
            clock.advance(firstWait.minusSeconds(1));
            app.getBean(WebhookDispatcher.class).runOnce();
            assertThat(receiver.received).hasSize(1);
            clock.advance(Duration.ofSeconds(1));
            shown = until(web, sysop, id, s -> s.at("/failing/attempts").asInt() == 2);
            var secondWait = Duration.between(clock.instant(), Instant.parse(shown.at("/failing/nextAttempt").asText()));
            assertThat(secondWait).isBetween(Duration.ofSeconds(16), Duration.ofSeconds(24));  // doubled

            // three days of failures: each attempt after the wait, each the same event with the same webhook-id (read
            // from the table: the sysop's tokens would expire as the clock runs three days on)
            var store = app.getBean(JdbcWebhookStore.class);
            var webhook = WebhookId.parse(id);
            var state = store.find(webhook).orElseThrow();
            while (state.status() != Status.DISABLED) {
                var failing = state.failing().orElseThrow();
                assertThat(failing.nextAttempt()).isAfter(clock.instant());
                clock.set(failing.nextAttempt());
                int attempts = failing.attempts();
                untilTrue(() -> {
                    var now = store.find(webhook).orElseThrow();
                    return now.status() == Status.DISABLED || now.failing().orElseThrow().attempts() > attempts ? "tried" : "";
                });
                state = store.find(webhook).orElseThrow();
            }
            sysop = web.logIn(TestBbs.SYSOP, TestBbs.SYSOP_PASSWORD);
            assertThat(Duration.between(started, clock.instant())).isBetween(Duration.ofDays(3), Duration.ofDays(3).plusMinutes(1));
            assertThat(receiver.received).allSatisfy(r -> {
                assertThat(r.position()).isEqualTo(stuck);
                assertThat(r.signedBy(secret)).isTrue();
            });
            assertThat(receiver.received).extracting(r -> r.header("webhook-id")).containsOnly(receiver.received.getFirst().header("webhook-id"));
            assertThat(receiver.received).extracting(r -> r.header("webhook-timestamp")).doesNotHaveDuplicates();
            assertThat(receiver.received.size()).as("backing off to an hour: tens of tries, not thousands").isBetween(60, 90);
            var disabled = feed(web, sysop).stream().filter(e -> e.get("type").asText().equals("WebhookDisabled")).findFirst().orElseThrow();
            assertThat(disabled.at("/actor/kind").asText()).isEqualTo("system");
            assertThat(disabled.at("/data/stuckAt").asLong()).isEqualTo(stuck);
            assertThat(disabled.at("/data/lastError").asText()).isEqualTo("HTTP 503");

            // the receiver is fixed; a resume sends everything from the cursor, in order
            receiver.failing.set(0);
            assertThat(web.post(ADMIN + "/" + id + "/resume", Map.of(), sysop).body().get("status").asText()).isEqualTo("active");
            untilTrue(() -> texts(receiver.acknowledged()).size() == 3 ? "all" : "");
            assertThat(texts(receiver.acknowledged())).containsExactly("first", "second", "third");
            var last = receiver.acknowledged().getLast().position();
            // the cursor reaches the last event delivered, and passes over the later ones the filter leaves out
            untilTrue(() -> store.find(webhook).orElseThrow().cursor() >= last ? "moved" : "");
            assertThat(store.find(webhook).orElseThrow().failing()).isEmpty();
            assertThat(web.post(ADMIN + "/" + id + "/resume", Map.of(), sysop).status()).as("already active").isEqualTo(409);
        }
    }

    @Test
    void a_restart_mid_stream_continues_from_the_cursor_and_loses_nothing() throws Exception {
        String id;
        String sysop;
        String room;
        try (var receiver = new WebhookReceiver()) {
            try (var app = serve()) {
                var web = web(app);
                sysop = web.logIn(TestBbs.SYSOP, TestBbs.SYSOP_PASSWORD);
                id = web.post(ADMIN, Map.of("url", receiver.url(), "eventTypes", List.of("ChatMessageSent")), sysop)
                        .body().at("/webhook/id").asText();
                room = chat(web, sysop, "Lobby", "a", "b");
                untilTrue(() -> texts(receiver.acknowledged()).size() == 2 ? "two" : "");
                receiver.failing.set(Integer.MAX_VALUE);                      // the receiver goes down...
                say(web, sysop, room, "c", "d");
                untilTrue(() -> receiver.received.size() > 2 ? "tried" : "");
            }                                                                 // ...and so does the BBS
            receiver.failing.set(0);
            try (var app = serve()) {
                var web = web(app);
                var token = web.logIn(TestBbs.SYSOP, TestBbs.SYSOP_PASSWORD);
                var shown = web.get(ADMIN + "/" + id, token).body();
                clock.set(Instant.parse(shown.at("/failing/nextAttempt").asText()));
                untilTrue(() -> texts(receiver.acknowledged()).size() == 4 ? "all" : "");
                assertThat(web.post("/api/v1/chat/rooms/" + room + "/join", Map.of(), token).status()).isEqualTo(200);
                say(web, token, room, "e");
                untilTrue(() -> texts(receiver.acknowledged()).size() == 5 ? "all" : "");
                assertThat(texts(receiver.acknowledged())).containsExactly("a", "b", "c", "d", "e");
                assertThat(receiver.acknowledged()).extracting(WebhookReceiver.Received::position).isSorted().doesNotHaveDuplicates();
            }
        }
    }

    @Test
    void a_sysop_pauses_rotates_tests_and_deletes_and_only_sysops_and_admin_keys_may() throws Exception {
        try (var receiver = new WebhookReceiver(); var app = serve()) {
            var web = web(app);
            var sysop = web.logIn(TestBbs.SYSOP, TestBbs.SYSOP_PASSWORD);
            var created = web.post(ADMIN, Map.of("url", receiver.url(), "eventTypes", List.of("ChatMessageSent")), sysop).body();
            var id = created.at("/webhook/id").asText();
            var secret = created.get("secret").asText();

            // paused: nothing goes out, however often the dispatcher looks; resumed: it all arrives
            assertThat(web.post(ADMIN + "/" + id + "/pause", Map.of(), sysop).body().get("status").asText()).isEqualTo("paused");
            assertThat(web.post(ADMIN + "/" + id + "/pause", Map.of(), sysop).status()).isEqualTo(409);
            var room = chat(web, sysop, "Lobby", "while paused");
            assertThat(app.getBean(WebhookDispatcher.class).runOnce()).isZero();
            assertThat(receiver.received).isEmpty();
            web.post(ADMIN + "/" + id + "/resume", Map.of(), sysop);
            untilTrue(() -> texts(receiver.acknowledged()).size() == 1 ? "one" : "");

            // a rotation: the new secret is answered once and signs; the old one signs beside it for a day
            var rotated = web.post(ADMIN + "/" + id + "/rotate-secret", Map.of(), sysop).body();
            var fresh = rotated.get("secret").asText();
            assertThat(fresh).startsWith("whsec_").isNotEqualTo(secret);
            say(web, sysop, room, "after rotation");
            untilTrue(() -> texts(receiver.acknowledged()).size() == 2 ? "two" : "");
            var signedTwice = receiver.acknowledged().getLast();
            signedTwice.verify(fresh);
            signedTwice.verify(secret);
            assertThat(signedTwice.header("webhook-signature").split(" ")).hasSize(2);

            // a test message: signed, answered, logged, the cursor untouched
            long cursor = web.get(ADMIN + "/" + id, sysop).body().get("cursor").asLong();
            var test = web.post(ADMIN + "/" + id + "/test", Map.of(), sysop).body();
            assertThat(test.get("status").asInt()).isEqualTo(204);
            assertThat(test.get("test").asBoolean()).isTrue();
            var testMessage = receiver.received.getLast();
            testMessage.verify(fresh);
            assertThat(testMessage.json().get("type").asText()).isEqualTo("WebhookTest");
            assertThat(testMessage.header("webhook-position")).isNull();
            assertThat(web.get(ADMIN + "/" + id, sysop).body().get("cursor").asLong()).isEqualTo(cursor);

            // who may: a member may not; an API key of the sysop's with admin may; one with events:read only may not
            TestBbs.signUp(web, data, "Amiga", "amiga@example.test");
            var member = web.logIn("Amiga", TestBbs.PASSWORD);
            assertThat(web.get(ADMIN, member).status()).isEqualTo(403);
            var adminKey = web.post("/api/v1/me/api-keys", Map.of("name", "ops robot", "scopes", List.of("admin")), sysop)
                    .body().get("key").asText();
            var readerKey = web.post("/api/v1/me/api-keys", Map.of("name", "reader", "scopes", List.of("events:read")), sysop)
                    .body().get("key").asText();
            assertThat(web.get(ADMIN, adminKey).body().get("webhooks")).hasSize(1);
            assertThat(web.get(ADMIN, readerKey).status()).isEqualTo(403);

            // hostile input: every refusal a problem naming the field
            var bad = web.post(ADMIN, Map.of("url", "ftp://example.org/in"), sysop);
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.contentType()).startsWith("application/problem+json");
            assertThat(bad.body().toString()).contains("url");
            assertThat(web.post(ADMIN, Map.of("url", "http://127.0.0.1:25/in"), sysop).status()).isEqualTo(400);
            assertThat(web.post(ADMIN, Map.of("url", "https://no-such-host.invalid/in"), sysop).status()).isEqualTo(400);
            assertThat(web.post(ADMIN, Map.of("url", "https://example.org/" + "a".repeat(3000)), sysop).status()).isEqualTo(400);
            assertThat(web.post(ADMIN, Map.of("url", receiver.url(), "eventTypes", List.of("not a type")), sysop).status()).isEqualTo(400);
            assertThat(web.post(ADMIN, Map.of("url", receiver.url(), "after", 999_999_999), sysop).status()).isEqualTo(400);
            assertThat(web.post(ADMIN, Map.of("url", receiver.url(), "description", "x\ny"), sysop).status()).isEqualTo(400);
            assertThat(web.get(ADMIN + "/not-a-uuid", sysop).status()).isEqualTo(400);
            assertThat(web.get(ADMIN + "/" + id + "/deliveries?limit=0", sysop).status()).isEqualTo(400);
            assertThat(web.get(ADMIN + "/" + id + "/deliveries?before=x", sysop).status()).isEqualTo(400);
            assertThat(web.get(ADMIN, sysop).body().get("webhooks")).as("nothing made by the refusals").hasSize(1);

            // deleted: gone, with its log; the log of events says who did it
            assertThat(web.delete(ADMIN + "/" + id, adminKey).status()).isEqualTo(204);
            assertThat(web.get(ADMIN + "/" + id, sysop).status()).isEqualTo(404);
            assertThat(web.get(ADMIN + "/" + id + "/deliveries", sysop).status()).isEqualTo(404);
            var types = feed(web, sysop).stream().map(e -> e.get("type").asText()).filter(t -> t.startsWith("Webhook")).toList();
            assertThat(types).containsExactly("WebhookSubscribed", "WebhookPaused", "WebhookResumed", "WebhookSecretRotated",
                    "WebhookDeleted");
        }
    }

    /** Polls the subscription until {@code wanted} holds. */
    static JsonNode until(Http web, String sysop, String id, java.util.function.Predicate<JsonNode> wanted) throws Exception {
        var found = new JsonNode[1];
        untilTrue(() -> {
            found[0] = web.get(ADMIN + "/" + id, sysop).body();
            return wanted.test(found[0]) ? "yes" : "";
        });
        return found[0];
    }
}
