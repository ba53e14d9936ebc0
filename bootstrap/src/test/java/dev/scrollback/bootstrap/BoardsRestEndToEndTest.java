package dev.scrollback.bootstrap;

import static dev.scrollback.bootstrap.PasswordResetEndToEndTest.slug;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scrollback.adapters.web.WebServer;
import dev.scrollback.application.shared.ControlledClock;
import java.io.IOException;
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
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 4, boards over REST, in the running application: a sysop opens boards, members post, reply with a quote and
 * edit within the window, a moderator deletes with a reason and locks, callers scan for what is new and mark it read;
 * every step is an event in the feed with its actor, and message bodies travel there as personal data.
 */
class BoardsRestEndToEndTest {
    static final String PASSWORD = PasswordResetEndToEndTest.PASSWORD;
    static final String SYSOP = WalkingSkeletonEndToEndTest.SYSOP;
    static final String SYSOP_PASSWORD = WalkingSkeletonEndToEndTest.SYSOP_PASSWORD;
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    final ControlledClock clock = ControlledClock.at("2031-05-01T12:00:00Z");
    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private int port;

    @Test
    void boards_threads_moderation_and_new_scan_over_rest_each_in_the_feed() throws Exception {
        try (var app = start()) {
            var web = new Http(app.getBean(WebServer.class).port());
            for (var handle : List.of("Alice", "Bob", "Mod")) signUp(web, handle);
            var root = web.logIn(SYSOP, SYSOP_PASSWORD);
            var alice = web.logIn("Alice", PASSWORD);
            var bob = web.logIn("Bob", PASSWORD);
            var mod = web.logIn("Mod", PASSWORD);

            // A sysop opens the boards; a member may not.
            var lobbyForm = Map.of("conference", "General", "name", "Lobby", "description", "Say hello",
                    "readers", List.of("guest", "member"), "posters", List.of("member"));
            assertThat(slug(web.post("/api/v1/boards", lobbyForm, alice))).isEqualTo("forbidden");
            var lobbyCreated = web.post("/api/v1/boards", lobbyForm, root);
            assertThat(lobbyCreated.status()).isEqualTo(201);
            var lobby = lobbyCreated.body().get("id").asText();
            var backroom = web.post("/api/v1/boards", Map.of("conference", "Staff", "name", "Backroom",
                    "readers", List.of("moderator"), "posters", List.of("moderator")), root).body().get("id").asText();
            final var rootToken = root;
            until(() -> web.get("/api/v1/boards", rootToken).body().get("boards").size() == 2);
            assertThat(slug(web.post("/api/v1/boards", lobbyForm, root))).as("names are unique").isEqualTo("conflict");
            var boards = web.get("/api/v1/boards", bob).body().get("boards");
            assertThat(boards).extracting(b -> b.get("name").asText()).containsExactly("Lobby");
            assertThat(boards.get(0).get("mayPost").asBoolean()).isTrue();
            assertThat(web.get("/api/v1/boards/" + backroom + "/threads", bob).status()).as("invisible, not forbidden")
                    .isEqualTo(404);

            // Alice starts a thread, Bob replies quoting her, Alice fixes a typo within the window.
            var hello = web.post("/api/v1/boards/" + lobby + "/threads",
                    Map.of("subject", "Hello", "body", "Hi all, who is hear?"), alice);
            assertThat(hello.status()).isEqualTo(201);
            var thread = hello.body().get("threadId").asText();
            var first = hello.body().get("messageId").asText();
            var read = web.get("/api/v1/threads/" + thread, bob).body();
            assertThat(read.get("thread").get("mayReply").asBoolean()).isTrue();
            var quoted = "> " + read.get("messages").get(0).get("body").asText() + "\n\nI am!";
            var reply = web.post("/api/v1/threads/" + thread + "/messages", Map.of("body", quoted, "inReplyTo", first), bob);
            assertThat(reply.status()).isEqualTo(201);
            var answer = reply.body().get("messageId").asText();
            var messagePath = "/api/v1/threads/" + thread + "/messages/";
            assertThat(send("PATCH", messagePath + first, Map.of("body", "Hi all, who is here?"), alice).status()).isEqualTo(204);
            assertThat(slug(send("PATCH", messagePath + first, Map.of("body", "Mine now"), bob))).isEqualTo("forbidden");

            read = web.get("/api/v1/threads/" + thread, alice).body();
            assertThat(read.get("messages")).hasSize(2);
            assertThat(read.get("messages").get(0).get("body").asText()).isEqualTo("Hi all, who is here?");
            assertThat(read.get("messages").get(0).get("editedAt").asText()).isEqualTo("2031-05-01T12:00:00Z");
            var bobs = read.get("messages").get(1);
            assertThat(bobs.get("author").asText()).isEqualTo("Bob");
            assertThat(bobs.get("subject").asText()).isEqualTo("Re: Hello");
            assertThat(bobs.get("inReplyTo").asText()).isEqualTo(first);
            assertThat(bobs.get("body").asText()).isEqualTo("> Hi all, who is hear?\n\nI am!");

            // After the window, no more edits (and the access tokens have expired too: log in again).
            clock.advance(Duration.ofMinutes(16));
            root = web.logIn(SYSOP, SYSOP_PASSWORD);
            alice = web.logIn("Alice", PASSWORD);
            bob = web.logIn("Bob", PASSWORD);
            mod = web.logIn("Mod", PASSWORD);
            var late = send("PATCH", messagePath + first, Map.of("body", "Hi everyone"), alice);
            assertThat(slug(late)).isEqualTo("edit-window-closed");
            assertThat(late.body().get("detail").asText()).contains("2031-05-01T12:15:00Z");

            // A member moderates nothing; once granted the role, Mod deletes Bob's reply with a reason and locks.
            assertThat(slug(send("DELETE", messagePath + answer, Map.of("reason", "Spelling police"), mod))).isEqualTo("forbidden");
            assertThat(web.post("/api/v1/admin/users/Mod/roles/moderator", Map.of(), root).status()).isEqualTo(200);
            assertThat(send("DELETE", messagePath + answer, Map.of("reason", "Quoting a typo"), mod).status()).isEqualTo(204);
            var locked = web.post("/api/v1/threads/" + thread + "/lock", Map.of("reason", "Settled"), mod);
            assertThat(locked.status()).isEqualTo(200);
            assertThat(locked.body().get("changed").asBoolean()).isTrue();
            assertThat(slug(web.post("/api/v1/threads/" + thread + "/messages", Map.of("body", "But!"), bob)))
                    .isEqualTo("thread-locked");
            read = web.get("/api/v1/threads/" + thread, bob).body();
            assertThat(read.get("thread").get("locked").asBoolean()).isTrue();
            assertThat(read.get("thread").get("mayReply").asBoolean()).isFalse();
            var deleted = read.get("messages").get(1);
            assertThat(deleted.get("id").asText()).isEqualTo(answer);
            assertThat(deleted.get("body").isNull()).isTrue();
            assertThat(deleted.get("deletedBecause").asText()).isEqualTo("Quoting a typo");
            assertThat(web.get("/api/v1/boards", mod).body().get("boards")).extracting(b -> b.get("name").asText())
                    .containsExactly("Lobby", "Backroom");

            // New-scan: Bob's news is Alice's two threads (the deleted reply is none), resumed after his mark.
            var second = web.post("/api/v1/boards/" + lobby + "/threads", Map.of("subject", "Second", "body", "More"), alice);
            assertThat(second.status()).isEqualTo(201);
            final var bobToken = bob;
            until(() -> {
                var all = web.get("/api/v1/new?limit=10", bobToken).body().get("messages");
                return all.size() == 2 && all.get(1).get("subject").asText().equals("Second");
            });
            var scan = web.get("/api/v1/new?limit=1", bob).body();
            assertThat(scan.get("more").asBoolean()).isTrue();
            var news = scan.get("messages").get(0);
            assertThat(news.get("board").get("name").asText()).isEqualTo("Lobby");
            assertThat(news.get("thread").asText()).isEqualTo(thread);
            assertThat(news.get("subject").asText()).isEqualTo("Hello");
            assertThat(news.get("author").asText()).isEqualTo("Alice");
            assertThat(web.post("/api/v1/boards/" + lobby + "/read", Map.of("upTo", news.get("number").asLong()), bob).status())
                    .isEqualTo(204);
            assertThat(web.post("/api/v1/boards/" + lobby + "/read", Map.of("upTo", 0), bob).status()).isEqualTo(204);
            scan = web.get("/api/v1/new", bob).body();
            assertThat(scan.get("messages")).extracting(m -> m.get("subject").asText()).containsExactly("Second");
            assertThat(web.post("/api/v1/new/read-all", Map.of(), bob).status()).isEqualTo(204);
            assertThat(web.get("/api/v1/new", bob).body().get("messages")).isEmpty();
            until(() -> web.get("/api/v1/boards", bobToken).body().get("boards").get(0).get("unread").asInt() == 0);

            // The feed tells it all, with actors; bodies are personal data.
            var feed = WalkingSkeletonEndToEndTest.readFeed(web, root);
            assertThat(of(feed, "BoardCreated")).hasSize(2).allSatisfy(e -> assertActor(e, SYSOP));
            var posted = of(feed, "MessagePosted");
            assertThat(posted).hasSize(3);
            assertActor(posted.get(0), "Alice");
            assertThat(posted.get(0).get("data").get("body").get("personal").asText()).isEqualTo("Hi all, who is hear?");
            assertThat(posted.get(0).get("origin").get("channel").asText()).isEqualTo("web");
            assertThat(posted.get(0).get("origin").get("sessionId").isNull()).isFalse();
            assertActor(posted.get(1), "Bob");
            assertThat(posted.get(1).get("data").get("inReplyTo").asText()).isEqualTo(first);
            assertThat(of(feed, "MessageEdited")).singleElement().satisfies(e -> {
                assertActor(e, "Alice");
                assertThat(e.get("data").get("body").get("personal").asText()).isEqualTo("Hi all, who is here?");
            });
            assertThat(of(feed, "MessageDeleted")).singleElement().satisfies(e -> {
                assertActor(e, "Mod");
                assertThat(e.get("data").get("reason").asText()).isEqualTo("Quoting a typo");
            });
            assertThat(of(feed, "ThreadLocked")).singleElement().satisfies(e -> assertActor(e, "Mod"));
            assertThat(of(feed, "BoardReadUpTo")).isNotEmpty().allSatisfy(e -> assertActor(e, "Bob"));
        }
    }

    private static List<JsonNode> of(List<JsonNode> feed, String type) {
        return feed.stream().filter(e -> e.get("type").asText().equals(type)).toList();
    }

    private static void assertActor(JsonNode event, String handle) {
        assertThat(event.get("actor").get("kind").asText()).isEqualTo("user");
        assertThat(event.get("actor").get("handle").asText()).as(event.toString()).isEqualTo(handle);
    }

    /** What {@link Http} does not send: PATCH, and DELETE with a body. */
    private Http.Answer send(String method, String path, Map<String, ?> body, String token) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        var response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Http.Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body()));
    }

    /** Waits for the projections to catch up with what was just written. */
    private static void until(Callable<Boolean> condition) throws Exception {
        var deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!condition.call()) {
            if (Instant.now().isAfter(deadline)) throw new AssertionError("gave up waiting");
            Thread.sleep(50);
        }
    }

    private ConfigurableApplicationContext start() {
        var app = ScrollbackApplication.serve(Map.of(
                "SCROLLBACK_DATA_DIR", data.toString(), "SCROLLBACK_TELNET_PORT", "0", "SCROLLBACK_HTTP_PORT", "0",
                "SCROLLBACK_TELNET_HOST", "127.0.0.1", "SCROLLBACK_HTTP_HOST", "127.0.0.1",
                "SCROLLBACK_SYSOP_HANDLE", SYSOP, "SCROLLBACK_SYSOP_PASSWORD", SYSOP_PASSWORD), clock);
        port = app.getBean(WebServer.class).port();
        return app;
    }

    private void signUp(Http web, String handle) throws Exception {
        var email = handle.toLowerCase(java.util.Locale.ROOT) + "@example.test";
        assertThat(web.post("/api/v1/accounts", Map.of("handle", handle, "email", email, "password", PASSWORD)).status())
                .isEqualTo(201);
        assertThat(web.post("/api/v1/accounts/verify", Map.of("handle", handle, "code", Outbox.codeFor(data, email)))
                .status()).isEqualTo(200);
    }
}
