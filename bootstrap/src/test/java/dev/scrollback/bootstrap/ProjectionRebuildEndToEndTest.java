package dev.scrollback.bootstrap;

import static dev.scrollback.bootstrap.PasswordResetEndToEndTest.slug;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scrollback.adapters.web.WebServer;
import dev.scrollback.application.mail.Mailboxes;
import dev.scrollback.application.shared.ControlledClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7 item 4 over REST in the real server: after varied activity through the real use cases (accounts, logins,
 * a password reset, API keys, boards, search, mail, chat), a sysop rebuilds every projection from position 0 and each
 * comes out identical to its live state; one rebuild at a time; members and keys without {@code admin} are refused.
 */
class ProjectionRebuildEndToEndTest {
    static final List<String> PROJECTIONS = List.of("presence", "account-directory", "password-resets", "boards",
            "message-search", "mailboxes", "chat-rooms", "api-keys", "audit-trail", "board-threads", "plugins");

    @TempDir
    Path data;

    final ControlledClock clock = ControlledClock.at("2031-05-01T12:00:00Z");

    @Test
    void a_sysop_rebuilds_every_projection_beside_the_live_one_and_each_is_identical() throws Exception {
        try (var bbs = TestBbs.start(data, clock)) {
            var web = bbs.web();
            bbs.signUp("Alice", "alice@example.test");
            bbs.signUp("Bob", "bob@example.test");
            var root = bbs.sysop();
            var alice = web.logIn("Alice", TestBbs.PASSWORD);
            var bob = web.logIn("Bob", TestBbs.PASSWORD);
            activity(web, root, alice, bob);

            var admin = web.post("/api/v1/me/api-keys", Map.of("name", "ops robot", "scopes", List.of("admin")), root);
            assertThat(admin.status()).isEqualTo(201);
            var adminKey = admin.body().get("key").asText();
            var reader = web.post("/api/v1/me/api-keys", Map.of("name", "reader", "scopes", List.of("events:read")), root);
            var readerKey = reader.body().get("key").asText();

            // Every projection is listed, and once caught up follows the log with no lag.
            until(() -> {
                var listed = web.get("/api/v1/admin/projections", adminKey).body().get("projections");
                for (var p : listed) if (!p.get("state").asText().equals("following") || p.get("lag").asLong() != 0) return false;
                return listed.size() == PROJECTIONS.size();
            });
            var listed = web.get("/api/v1/admin/projections", root).body().get("projections");
            assertThat(listed).extracting(p -> p.get("name").asText()).containsExactlyElementsOf(PROJECTIONS);
            assertThat(listed).allSatisfy(p -> {
                assertThat(p.get("rebuildable").asBoolean()).isTrue();
                assertThat(p.get("head").asLong()).isPositive();
                assertThat(p.get("position").asLong()).isEqualTo(p.get("head").asLong());
                assertThat(p.get("lastRebuild").isNull()).isTrue();
            });

            // Each is rebuilt from position 0 while the server serves, and equals its live state.
            for (var name : PROJECTIONS) {
                var started = postWithHeaders(bbs, "/api/v1/admin/projections/" + name + "/rebuild", root);
                assertThat(started.statusCode()).as(name + ": " + started.body()).isEqualTo(202);
                assertThat(started.headers().firstValue("Location")).contains("/api/v1/admin/projections/" + name + "/rebuild");
                var done = finished(web, name, root);
                assertThat(done.get("outcome").asText()).as(name + ": " + done).isEqualTo("identical");
                assertThat(done.get("digest").asText()).hasSize(64).isEqualTo(done.get("liveDigest").asText());
                assertThat(done.get("reached").asLong()).as(name + " read the log to its head").isEqualTo(done.get("head").asLong());
                assertThat(done.get("events").asLong()).isEqualTo(done.get("head").asLong());
                assertThat(Instant.parse(done.get("startedAt").asText())).isEqualTo(clock.instant());
                assertThat(done.hasNonNull("finishedAt")).isTrue();
            }
            assertThat(web.get("/api/v1/admin/projections", root).body().get("projections"))
                    .allSatisfy(p -> assertThat(p.get("lastRebuild").get("outcome").asText()).isEqualTo("identical"));

            // The rebuilt states serve: search finds what was posted, and new activity shows.
            var hits = web.get("/api/v1/search?q=harbour", bob).body();
            assertThat(hits.toString()).contains("Harbour");

            // One rebuild at a time: the mailboxes' live state is held (its processor has a new message to apply, and so
            // has the use case that sent it), so a rebuild catches up to it and then waits to swap in; a second rebuild
            // is refused meanwhile.
            var mailboxes = bbs.app().getBean(Mailboxes.class).rebuildable().live();
            Http.Answer second;
            var sent = new java.util.concurrent.atomic.AtomicReference<Http.Answer>();
            Thread sender;
            synchronized (mailboxes) {
                sender = Thread.ofPlatform().start(() -> {
                    try {
                        sent.set(web.post("/api/v1/mail", Map.of("to", "Alice", "subject", "Again", "body", "Hello"), bob));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                until(() -> workerBlocked("projection-mailboxes-worker"));
                assertThat(web.post("/api/v1/admin/projections/mailboxes/rebuild", Map.of(), adminKey).status()).isEqualTo(202);
                second = web.post("/api/v1/admin/projections/mailboxes/rebuild", Map.of(), root);
                assertThat(web.get("/api/v1/admin/projections/mailboxes/rebuild", root).body().get("outcome").asText())
                        .isEqualTo("running");
            }
            sender.join();
            assertThat(sent.get().status()).isEqualTo(201);
            assertThat(second.status()).isEqualTo(409);
            assertThat(slug(second)).isEqualTo("rebuild-running");
            var done = finished(web, "mailboxes", root);
            assertThat(done.get("outcome").asText()).as(done.toString()).isEqualTo("identical");
            assertThat(web.get("/api/v1/mail/inbox", alice).body().get("messages").toString()).contains("Again");

            // Unknown names are problems that name the projections there are, never echoing what was asked.
            var unknown = web.post("/api/v1/admin/projections/%3Cscript%3E/rebuild", Map.of(), root);
            assertThat(unknown.status()).isEqualTo(404);
            assertThat(slug(unknown)).isEqualTo("unknown-projection");
            assertThat(unknown.body().get("detail").asText()).contains("presence", "audit-trail").doesNotContain("script");
            assertThat(web.get("/api/v1/admin/projections/nope/rebuild", root).status()).isEqualTo(404);

            // Only sysops: members, keys without the admin scope, and nobody at all are refused.
            assertThat(web.get("/api/v1/admin/projections", alice).status()).isEqualTo(403);
            assertThat(web.post("/api/v1/admin/projections/boards/rebuild", Map.of(), alice).status()).isEqualTo(403);
            assertThat(web.get("/api/v1/admin/projections/boards/rebuild", alice).status()).isEqualTo(403);
            assertThat(web.get("/api/v1/admin/projections", readerKey).status()).isEqualTo(403);
            assertThat(web.post("/api/v1/admin/projections/boards/rebuild", Map.of(), readerKey).status()).isEqualTo(403);
            assertThat(web.get("/api/v1/admin/projections").status()).isEqualTo(401);
        }
    }

    /** Something for every projection to hold: sessions, accounts, a reset, keys, boards, search, mail and chat. */
    private static void activity(Http web, String root, String alice, String bob) throws Exception {
        assertThat(web.post("/api/v1/password-resets", Map.of("handle", "Bob")).status()).isEqualTo(202);
        assertThat(web.post("/api/v1/me/api-keys", Map.of("name", "poster", "scopes", List.of("boards:write")), alice)
                .status()).isEqualTo(201);
        var board = web.post("/api/v1/boards", Map.of("conference", "General", "name", "Lobby", "description", "Say hello",
                "readers", List.of("guest", "member"), "posters", List.of("member")), root);
        assertThat(board.status()).isEqualTo(201);
        var lobby = board.body().get("id").asText();
        until(() -> web.get("/api/v1/boards", alice).body().get("boards").size() == 1);
        var hello = web.post("/api/v1/boards/" + lobby + "/threads", Map.of("subject", "Harbour", "body", "Boats at noon?"), alice);
        assertThat(hello.status()).isEqualTo(201);
        var thread = hello.body().get("threadId").asText();
        until(() -> web.get("/api/v1/threads/" + thread, bob).status() == 200);
        assertThat(web.post("/api/v1/threads/" + thread + "/messages", Map.of("body", "Yes, the harbour"), bob).status())
                .isEqualTo(201);
        var mail = web.post("/api/v1/mail", Map.of("to", "Bob", "subject", "Lunch?", "body", "Noon?"), alice);
        assertThat(mail.status()).isEqualTo(201);
        until(() -> web.get("/api/v1/mail/inbox", bob).body().get("messages").size() == 1);
        assertThat(web.get("/api/v1/mail/" + mail.body().get("id").asText(), bob).status()).isEqualTo(200);
        var room = web.post("/api/v1/chat/rooms", Map.of("name", "Lounge", "kind", "public", "topic", "Chat"), root);
        assertThat(room.status()).isEqualTo(201);
        var lounge = "/api/v1/chat/rooms/" + room.body().get("id").asText();
        until(() -> web.get("/api/v1/chat/rooms", alice).body().get("rooms").size() == 1);
        assertThat(web.post(lounge + "/join", Map.of(), alice).status()).isEqualTo(200);
        assertThat(web.post(lounge + "/messages", Map.of("text", "Hello lounge"), alice).status()).isEqualTo(201);
    }

    private static JsonNode finished(Http web, String name, String token) throws Exception {
        var progress = new JsonNode[1];
        until(() -> {
            var answer = web.get("/api/v1/admin/projections/" + name + "/rebuild", token);
            assertThat(answer.status()).isEqualTo(200);
            progress[0] = answer.body();
            return !progress[0].get("outcome").asText().equals("running");
        });
        return progress[0];
    }

    private static HttpResponse<String> postWithHeaders(TestBbs bbs, String path, String token) throws Exception {
        var port = bbs.app().getBean(WebServer.class).port();
        try (var client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    /** Whether the named thread waits for a monitor (the processor's worker, held by the test). */
    private static boolean workerBlocked(String name) {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals(name) && t.getState() == Thread.State.BLOCKED);
    }

    private static void until(Callable<Boolean> condition) throws Exception {
        var deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!condition.call()) {
            if (Instant.now().isAfter(deadline)) throw new AssertionError("gave up waiting");
            Thread.sleep(10);
        }
    }
}
