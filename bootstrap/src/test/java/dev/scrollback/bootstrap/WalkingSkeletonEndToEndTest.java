package dev.scrollback.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scrollback.adapters.telnet.TelnetServer;
import dev.scrollback.adapters.web.WebServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 2, item 9: the real application on free ports — a caller registers over telnet (a real telnet client, the code
 * read from the outbox), another signs up and logs in over HTTP, each sees the other in Who's online, every step is in
 * the feed with its channel and address, and all of it is still there after a restart, with no ghost sessions.
 */
class WalkingSkeletonEndToEndTest {
    static final String SYSOP = "Keeper";
    static final String SYSOP_PASSWORD = "guardian of the long scroll";
    static final String TELLY_PASSWORD = "telnet is forever 1984";
    static final String WEBBY_PASSWORD = "browsers all the way down";

    @TempDir
    Path data;

    @Test
    void a_telnet_caller_and_a_web_caller_meet_and_everything_survives_a_restart() throws Exception {
        List<String> idsBefore;
        try (var app = start(data)) {
            var web = new Http(app.getBean(WebServer.class).port());
            assertThat(web.get("/health/ready").status()).isEqualTo(200);

            try (var telly = TelnetCaller.connect(app.getBean(TelnetServer.class).port())) {
                registerOverTelnet(telly);

                assertThat(web.post("/api/v1/accounts", Map.of("handle", "Webby", "email", "webby@example.test",
                        "password", WEBBY_PASSWORD)).status()).isEqualTo(201);
                var early = web.post("/api/v1/sessions", Map.of("handle", "Webby", "password", WEBBY_PASSWORD));
                assertThat(early.status()).isEqualTo(403);
                assertThat(early.body().get("type").asText()).endsWith("/email-not-verified");
                assertThat(web.post("/api/v1/accounts/verify", Map.of("handle", "Webby",
                        "code", Outbox.codeFor(data, "webby@example.test"))).status()).isEqualTo(200);
                var wrong = web.post("/api/v1/sessions", Map.of("handle", "Webby", "password", "not the password at all"));
                assertThat(wrong.status()).isEqualTo(401);
                assertThat(wrong.contentType()).startsWith("application/problem+json");
                assertThat(wrong.body().get("type").asText()).endsWith("/invalid-credentials");
                var webby = web.logIn("Webby", WEBBY_PASSWORD);

                // The telnet caller's own Who's online screen lists the web caller (projections may lag a moment).
                var screen = untilTrue(() -> {
                    telly.key('W');
                    var shown = telly.expect("Your choice: ");
                    return shown.contains("Webby") ? shown : "";
                });
                assertThat(screen).containsPattern("Webby\\s+web").containsPattern("Telly\\s+telnet");

                var presence = web.get("/api/v1/presence", webby);
                assertThat(presence.status()).isEqualTo(200);
                assertThat(presence.body().get("online")).anySatisfy(online -> {
                    assertThat(online.get("handle").asText()).isEqualTo("Telly");
                    assertThat(online.get("channel").asText()).isEqualTo("telnet");
                });

                telly.key('G');
                telly.expect("Goodbye, Telly");
                assertThat(telly.hungUp()).isTrue();
            }

            var sysop = web.logIn(SYSOP, SYSOP_PASSWORD);
            var feed = readFeed(web, sysop);
            assertStep(feed, "HandleClaimed", "telnet", e -> e.get("data").get("handle").asText().equals("Telly"));
            var registered = assertStep(feed, "AccountRegistered", "telnet",
                    e -> e.get("data").get("handle").asText().equals("Telly"));
            assertThat(registered.get("data").has("passwordHash")).as("hashes never leave the server").isFalse();
            assertThat(registered.get("data").get("email").get("personal").asText()).isEqualTo("telly@example.test");
            assertThat(registered.get("actor").get("kind").asText()).isEqualTo("user");
            assertStep(feed, "EmailVerified", "telnet", e -> true);
            assertStep(feed, "LoginSucceeded", "telnet", e -> e.get("data").get("handle").asText().equals("Telly"));
            var tellySession = assertStep(feed, "SessionStarted", "telnet",
                    e -> e.get("data").get("handle").asText().equals("Telly"));
            assertThat(tellySession.get("data").get("terminal").get("type").asText()).isEqualTo("xterm");
            assertThat(tellySession.get("data").get("terminal").get("width").asInt()).isEqualTo(100);
            assertStep(feed, "LoggedOut", "telnet", e -> true);
            assertStep(feed, "SessionEnded", "telnet", e -> e.get("data").get("reason").asText().equals("goodbye"));
            assertStep(feed, "AccountRegistered", "web", e -> e.get("data").get("handle").asText().equals("Webby"));
            assertStep(feed, "LoginFailed", "web", e -> e.get("data").get("reason").asText().equals("email_not_verified"));
            assertStep(feed, "LoginFailed", "web", e -> e.get("data").get("reason").asText().equals("wrong_password"));
            assertStep(feed, "LoginSucceeded", "web", e -> e.get("data").get("handle").asText().equals("Webby"));
            var sysopGranted = feed.stream().filter(e -> e.get("type").asText().equals("RoleGranted")).findFirst().orElseThrow();
            assertThat(sysopGranted.get("actor").get("kind").asText()).isEqualTo("system");
            assertThat(sysopGranted.get("data").get("role").asText()).isEqualTo("sysop");
            assertPositionsIncrease(feed);
            idsBefore = feed.stream().map(e -> e.get("id").asText()).toList();
        }

        try (var app = start(data)) {
            var web = new Http(app.getBean(WebServer.class).port());
            var sysop = web.logIn(SYSOP, SYSOP_PASSWORD);
            var feed = readFeed(web, sysop);
            var idsAfter = feed.stream().map(e -> e.get("id").asText()).toList();
            assertThat(idsAfter).startsWith(idsBefore.toArray(String[]::new));
            // Webby's and the sysop's web sessions were open at shutdown: ended then, with the reason.
            assertThat(feed).filteredOn(e -> e.get("type").asText().equals("SessionEnded")
                    && e.get("data").get("reason").asText().equals("shutdown")).hasSize(2);
            var online = untilTrue(() -> {                   // no ghosts: only the sysop's new session
                var now = web.get("/api/v1/presence", sysop).body().get("online");
                return now.size() == 1 ? now.get(0).get("handle").asText() : "";
            });
            assertThat(online).isEqualTo(SYSOP);
            assertThat(web.logIn("Telly", TELLY_PASSWORD)).isNotEmpty();
        }
    }

    private void registerOverTelnet(TelnetCaller telly) throws Exception {
        telly.expect("Handle: ");
        telly.line("NEW");
        telly.expect("New handle: ");
        telly.line("Telly");
        telly.expect("Email address: ");
        telly.line("telly@example.test");
        telly.expect("Password: ");
        telly.line(TELLY_PASSWORD);
        telly.expect("Password again: ");
        telly.line(TELLY_PASSWORD);
        telly.expect("6-digit code");
        telly.line(Outbox.codeFor(data, "telly@example.test"));
        telly.expect("Welcome, Telly!");
        telly.expect("Your choice: ");
    }

    static ConfigurableApplicationContext start(Path data) {
        return ScrollbackApplication.serve(Map.of(
                "SCROLLBACK_DATA_DIR", data.toString(),
                "SCROLLBACK_TELNET_PORT", "0",
                "SCROLLBACK_HTTP_PORT", "0",
                "SCROLLBACK_TELNET_HOST", "127.0.0.1",
                "SCROLLBACK_HTTP_HOST", "127.0.0.1",
                "SCROLLBACK_SYSOP_HANDLE", SYSOP,
                "SCROLLBACK_SYSOP_PASSWORD", SYSOP_PASSWORD));
    }

    static List<JsonNode> readFeed(Http web, String token) throws Exception {
        var all = new ArrayList<JsonNode>();
        long after = 0;
        while (true) {
            var page = web.get("/api/v1/events?after=" + after + "&limit=1000", token);
            assertThat(page.status()).isEqualTo(200);
            page.body().get("events").forEach(all::add);
            if (page.body().get("events").isEmpty()) return all;
            after = page.body().get("next").asLong();
        }
    }

    static JsonNode assertStep(List<JsonNode> feed, String type, String channel, Predicate<JsonNode> which) {
        var found = feed.stream().filter(e -> e.get("type").asText().equals(type)
                && e.get("origin").get("channel").asText().equals(channel) && which.test(e)).findFirst();
        assertThat(found).as("a %s event from %s in the feed", type, channel).isPresent();
        var event = found.get();
        assertThat(event.get("origin").get("address").asText()).isEqualTo("127.0.0.1");
        // Telnet events carry the connection's id from the first byte; web events carry one once logged in.
        if (channel.equals("telnet") || type.equals("LoginSucceeded")) {
            assertThat(event.get("origin").get("sessionId").isNull()).as("%s has a session id", type).isFalse();
        }
        for (var field : List.of("position", "id", "type", "schemaVersion", "stream", "version", "occurredAt", "actor",
                "origin", "correlationId", "causationId", "data")) {
            assertThat(event.has(field)).as("feed item has %s", field).isTrue();
        }
        return event;
    }

    static void assertPositionsIncrease(List<JsonNode> feed) {
        long last = 0;
        for (var event : feed) {
            assertThat(event.get("position").asLong()).isGreaterThan(last);
            last = event.get("position").asLong();
        }
    }

    interface Attempt {
        String get() throws Exception;
    }

    /** Repeats until the attempt returns something non-empty; projections are eventually consistent. */
    static String untilTrue(Attempt attempt) throws Exception {
        return untilTrue(Duration.ofMillis(100), attempt);
    }

    /** As {@link #untilTrue(Attempt)}, trying every {@code every} (a slow wait need not spend the API's rate limit). */
    static String untilTrue(Duration every, Attempt attempt) throws Exception {
        var deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            var result = attempt.get();
            if (!result.isEmpty()) return result;
            Thread.sleep(every.toMillis());
        }
        throw new AssertionError("gave up waiting");
    }
}
