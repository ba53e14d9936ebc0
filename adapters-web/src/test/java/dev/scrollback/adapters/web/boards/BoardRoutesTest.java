package dev.scrollback.adapters.web.boards;

import static dev.scrollback.adapters.web.TestServer.assertProblem;
import static dev.scrollback.adapters.web.TestServer.bearer;
import static dev.scrollback.adapters.web.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scrollback.adapters.web.Sessions;
import dev.scrollback.adapters.web.TestServer;
import dev.scrollback.adapters.web.WebSettings;
import dev.scrollback.adapters.web.accounts.Authentication;
import dev.scrollback.application.accounts.AuthenticateApiKey;
import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.boards.BoardsFixture;
import dev.scrollback.application.shared.CountingRateLimiter;
import dev.scrollback.domain.accounts.ApiKeyId;
import dev.scrollback.domain.accounts.Role;
import dev.scrollback.domain.accounts.Scope;
import dev.scrollback.domain.boards.MessageEvent.MessagePosted;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The boards over REST, on the real boards services (in memory) behind the real server. */
class BoardRoutesTest {
    static final String MEMBERS_ONLY = "{\"conference\":\"General\",\"name\":\"%s\",\"description\":\"About it\","
            + "\"readers\":[\"member\"],\"posters\":[\"member\"]}";

    @TempDir Path keys;

    Sessions sessions;
    BoardsFixture f;
    TestServer server;
    Caller root;
    Caller alice;
    Caller bob;
    Caller mod;
    final Map<String, Caller> apiKeys = new java.util.concurrent.ConcurrentHashMap<>();

    @BeforeEach
    void start() {
        sessions = new Sessions(keys);
        f = new BoardsFixture(sessions.clock, new CountingRateLimiter(sessions.clock));
        root = sessions.open("Keeper", Role.SYSOP, Role.MEMBER);
        alice = sessions.open("Alice", Role.MEMBER);
        bob = sessions.open("Bob", Role.MEMBER);
        mod = sessions.open("Mod", Role.MODERATOR, Role.MEMBER);
        AuthenticateApiKey keyCheck = key -> apiKeys.containsKey(key.value())
                ? new AuthenticateApiKey.Check.Valid(apiKeys.get(key.value())) : new AuthenticateApiKey.Check.Unknown();
        var authentication = new Authentication(sessions.tokens, sessions.authenticateSession, keyCheck);
        server = TestServer.start(new BoardRoutes(f.createBoard, f.listBoards, f.listThreads, f.readThread, f.postMessage,
                f.editMessage, f.moderateThread, f.newScan, authentication));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    String auth(Caller caller) {
        return bearer(sessions.accessToken(caller));
    }

    /** A key for {@code owner} with {@code scopes}, as the real check would make it. */
    String key(Caller owner, Scope... scopes) {
        var id = new ApiKeyId(UUID.randomUUID());
        var key = "sbk_" + id.compact() + "_" + "a".repeat(52);
        apiKeys.put(key, Caller.withApiKey(owner.account(), owner.handle(), id, Set.of(scopes), owner.roles()));
        return bearer(key);
    }

    /** Sends, then lets the boards projection catch up, as its processor would a moment later. */
    HttpResponse<String> post(String path, String body, Caller caller) {
        return projected(server.post(path, body, "Authorization", auth(caller)));
    }

    HttpResponse<String> send(String method, String path, String body, String authorization) {
        return projected(server.send(server.request(path, "Authorization", authorization, "Content-Type", "application/json")
                .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))));
    }

    HttpResponse<String> get(String path, Caller caller) {
        return server.get(path, "Authorization", auth(caller));
    }

    private HttpResponse<String> projected(HttpResponse<String> response) {
        f.catchUp();
        return response;
    }

    String board(String name) {
        var created = post("/api/v1/boards", MEMBERS_ONLY.formatted(name), root);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).path("id").asText();
    }

    JsonNode startThread(String board, String subject, String body, Caller caller) {
        var started = post("/api/v1/boards/" + board + "/threads",
                "{\"subject\":\"" + subject + "\",\"body\":\"" + body + "\"}", caller);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        return json(started);
    }

    @Test
    void a_sysop_opens_boards_and_members_see_them_with_their_counts() {
        var lobby = board("Lobby");
        var staff = json(post("/api/v1/boards", "{\"conference\":\"Staff\",\"name\":\"Backroom\",\"readers\":[\"moderator\"],"
                + "\"posters\":[\"moderator\"]}", root)).path("id").asText();
        startThread(lobby, "Hello", "Hi all", alice);

        var listed = json(get("/api/v1/boards", bob)).path("boards");
        assertThat(listed).hasSize(1);
        var board = listed.get(0);
        assertThat(board.path("id").asText()).isEqualTo(lobby);
        assertThat(board.path("conference").asText()).isEqualTo("General");
        assertThat(board.path("name").asText()).isEqualTo("Lobby");
        assertThat(board.path("description").asText()).isEqualTo("About it");
        assertThat(board.path("threads").asInt()).isEqualTo(1);
        assertThat(board.path("messages").asInt()).isEqualTo(1);
        assertThat(board.path("unread").asInt()).isEqualTo(1);
        assertThat(board.path("mayPost").asBoolean()).isTrue();
        assertThat(board.path("lastPostAt").asText()).isEqualTo("2025-03-01T20:00:00Z");
        assertThat(json(get("/api/v1/boards", mod)).path("boards")).extracting(b -> b.path("name").asText())
                .containsExactly("Lobby", "Backroom");
        assertProblem(get("/api/v1/boards/" + staff + "/threads", bob), 404, "not-found");

        assertProblem(post("/api/v1/boards", MEMBERS_ONLY.formatted("lobby"), root), 409, "conflict");
        assertProblem(post("/api/v1/boards", MEMBERS_ONLY.formatted("Other"), alice), 403, "forbidden");
        assertProblem(server.get("/api/v1/boards"), 401, "unauthorized");
    }

    @Test
    void threads_are_started_listed_in_pages_replied_to_with_a_quote_and_read() {
        var lobby = board("Lobby");
        var hello = startThread(lobby, "Hello", "Hi all", alice);
        sessions.clock.advance(Duration.ofMinutes(1));
        startThread(lobby, "Second", "Two", alice);
        var thread = hello.path("threadId").asText();
        var first = hello.path("messageId").asText();
        sessions.clock.advance(Duration.ofMinutes(1));

        var reply = post("/api/v1/threads/" + thread + "/messages",
                "{\"body\":\"> Hi all\\n\\nHello Alice\",\"inReplyTo\":\"" + first + "\"}", bob);
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(201);
        var answer = json(reply).path("messageId").asText();

        var page = json(get("/api/v1/boards/" + lobby + "/threads?offset=0&limit=1", bob));
        assertThat(page.path("total").asInt()).isEqualTo(2);
        assertThat(page.path("board").path("name").asText()).isEqualTo("Lobby");
        assertThat(page.path("threads")).singleElement().satisfies(t -> {
            assertThat(t.path("id").asText()).isEqualTo(thread);
            assertThat(t.path("subject").asText()).isEqualTo("Hello");
            assertThat(t.path("startedBy").asText()).isEqualTo("Alice");
            assertThat(t.path("messages").asInt()).isEqualTo(2);
            assertThat(t.path("locked").asBoolean()).isFalse();
            assertThat(t.path("startedAt").asText()).isEqualTo("2025-03-01T20:00:00Z");
            assertThat(t.path("lastPostAt").asText()).isEqualTo("2025-03-01T20:02:00Z");
        });
        assertThat(json(get("/api/v1/boards/" + lobby + "/threads?offset=1&limit=1", bob)).path("threads").get(0)
                .path("subject").asText()).isEqualTo("Second");

        var read = json(get("/api/v1/threads/" + thread, bob));
        assertThat(read.path("thread").path("id").asText()).isEqualTo(thread);
        assertThat(read.path("thread").path("subject").asText()).isEqualTo("Hello");
        assertThat(read.path("thread").path("locked").asBoolean()).isFalse();
        assertThat(read.path("thread").path("mayReply").asBoolean()).isTrue();
        assertThat(read.path("thread").path("mayModerate").asBoolean()).isFalse();
        assertThat(read.path("thread").path("board").path("id").asText()).isEqualTo(lobby);
        assertThat(read.path("thread").path("board").path("name").asText()).isEqualTo("Lobby");
        var messages = read.path("messages");
        assertThat(messages).hasSize(2);
        assertThat(messages.get(0).path("id").asText()).isEqualTo(first);
        assertThat(messages.get(0).path("number").asInt()).isEqualTo(1);
        assertThat(messages.get(0).path("inReplyTo").isNull()).isTrue();
        assertThat(messages.get(0).path("editedAt").isNull()).isTrue();
        assertThat(messages.get(0).path("deletedBecause").isNull()).isTrue();
        var second = messages.get(1);
        assertThat(second.path("id").asText()).isEqualTo(answer);
        assertThat(second.path("number").asInt()).isEqualTo(3);
        assertThat(second.path("author").asText()).isEqualTo("Bob");
        assertThat(second.path("plugin").asBoolean()).isFalse();
        assertThat(second.path("subject").asText()).isEqualTo("Re: Hello");
        assertThat(second.path("body").asText()).isEqualTo("> Hi all\n\nHello Alice");
        assertThat(second.path("inReplyTo").asText()).isEqualTo(first);
        assertThat(second.path("postedAt").asText()).isEqualTo("2025-03-01T20:02:00Z");

        // a plugin's reply: its name as author, marked as a plugin's
        f.pluginReply(dev.scrollback.domain.boards.ThreadId.parse(thread), "auto-responder", "pong");
        var withReply = json(get("/api/v1/threads/" + thread, bob)).path("messages");
        assertThat(withReply.get(2).path("author").asText()).isEqualTo("auto-responder");
        assertThat(withReply.get(2).path("plugin").asBoolean()).isTrue();
        assertThat(withReply.get(2).path("body").asText()).isEqualTo("pong");

        assertProblem(get("/api/v1/threads/" + UUID.randomUUID(), bob), 404, "not-found");
        assertProblem(post("/api/v1/threads/" + thread + "/messages", "{\"body\":\"x\",\"inReplyTo\":\"" + UUID.randomUUID() + "\"}",
                bob), 404, "not-found");
    }

    @Test
    void the_author_edits_within_the_window_and_is_told_until_when_after_it() {
        var lobby = board("Lobby");
        var hello = startThread(lobby, "Hello", "Hi al", alice);
        var path = "/api/v1/threads/" + hello.path("threadId").asText() + "/messages/" + hello.path("messageId").asText();

        assertThat(send("PATCH", path, "{\"body\":\"Hi all\"}", auth(alice)).statusCode()).isEqualTo(204);
        assertProblem(send("PATCH", path, "{\"body\":\"Mine\"}", auth(bob)), 403, "forbidden");
        var message = json(get("/api/v1/threads/" + hello.path("threadId").asText(), bob)).path("messages").get(0);
        assertThat(message.path("body").asText()).isEqualTo("Hi all");
        assertThat(message.path("editedAt").asText()).isEqualTo("2025-03-01T20:00:00Z");

        sessions.clock.advance(Duration.ofMinutes(20));
        var late = assertProblem(send("PATCH", path, "{\"body\":\"Hi everyone\"}", auth(alice)), 409, "edit-window-closed");
        assertThat(late.path("detail").asText()).contains("2025-03-01T20:15:00Z");
    }

    @Test
    void a_moderator_deletes_with_a_reason_and_locks_and_members_may_do_neither() {
        var lobby = board("Lobby");
        var hello = startThread(lobby, "Hello", "Hi all", alice);
        var thread = hello.path("threadId").asText();
        var spam = json(post("/api/v1/threads/" + thread + "/messages", "{\"body\":\"BUY NOW\"}", bob)).path("messageId").asText();
        var spamPath = "/api/v1/threads/" + thread + "/messages/" + spam;

        assertProblem(send("DELETE", spamPath, "{\"reason\":\"spam\"}", auth(alice)), 403, "forbidden");
        assertProblem(send("DELETE", spamPath, "", auth(mod)), 400, "validation-failed");
        assertThat(send("DELETE", spamPath, "{\"reason\":\"Advertising\"}", auth(mod)).statusCode()).isEqualTo(204);
        assertProblem(send("DELETE", spamPath + "?reason=again", "", auth(mod)), 409, "message-deleted");
        var gone = json(get("/api/v1/threads/" + thread, alice)).path("messages").get(1);
        assertThat(gone.path("id").asText()).isEqualTo(spam);
        assertThat(gone.path("body").isNull()).isTrue();
        assertThat(gone.path("deletedBecause").asText()).isEqualTo("Advertising");
        assertThat(gone.path("author").asText()).isEqualTo("Bob");

        assertProblem(post("/api/v1/threads/" + thread + "/lock", "", alice), 403, "forbidden");
        var locked = post("/api/v1/threads/" + thread + "/lock", "{\"reason\":\"Off topic\"}", mod);
        assertThat(locked.statusCode()).isEqualTo(200);
        assertThat(json(locked).path("locked").asBoolean()).isTrue();
        assertThat(json(locked).path("changed").asBoolean()).isTrue();
        assertThat(json(post("/api/v1/threads/" + thread + "/lock", "", root)).path("changed").asBoolean()).isFalse();
        assertProblem(post("/api/v1/threads/" + thread + "/messages", "{\"body\":\"But!\"}", bob), 409, "thread-locked");
        var read = json(get("/api/v1/threads/" + thread, mod)).path("thread");
        assertThat(read.path("locked").asBoolean()).isTrue();
        assertThat(read.path("mayReply").asBoolean()).isFalse();
        assertThat(read.path("mayModerate").asBoolean()).isTrue();
    }

    @Test
    void an_api_key_posts_only_with_boards_write() {
        var lobby = board("Lobby");
        var reader = key(alice, Scope.EVENTS_READ);
        var writer = key(alice, Scope.BOARDS_WRITE);
        var body = "{\"subject\":\"Bot\",\"body\":\"beep\"}";

        var denied = assertProblem(send("POST", "/api/v1/boards/" + lobby + "/threads", body, reader), 403, "forbidden");
        assertThat(denied.path("detail").asText()).contains("boards:write");
        assertThat(send("POST", "/api/v1/boards/" + lobby + "/threads", body, writer).statusCode()).isEqualTo(201);
        assertThat(f.log.events()).filteredOn(MessagePosted.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((MessagePosted) e).authorHandle().value()).isEqualTo("Alice"));
    }

    @Test
    void new_scan_lists_what_is_new_resumes_after_marks_and_read_all_clears_it() {
        var apple = board("Apple");
        var zebra = board("Zebra");
        startThread(zebra, "z1", "z", alice);
        startThread(apple, "a1", "a", alice);
        startThread(apple, "a2", "a", alice);

        var first = json(get("/api/v1/new?limit=2", bob));
        assertThat(first.path("more").asBoolean()).isTrue();
        assertThat(first.path("messages")).extracting(m -> m.path("subject").asText()).containsExactly("a1", "a2");
        var last = first.path("messages").get(1);
        assertThat(last.path("board").path("id").asText()).isEqualTo(apple);
        assertThat(last.path("board").path("name").asText()).isEqualTo("Apple");
        assertThat(last.path("number").asInt()).isEqualTo(2);
        assertThat(last.path("author").asText()).isEqualTo("Alice");
        assertThat(last.path("thread").asText()).isNotBlank();
        assertThat(last.path("message").asText()).isNotBlank();
        assertThat(last.path("postedAt").asText()).isEqualTo("2025-03-01T20:00:00Z");

        assertThat(post("/api/v1/boards/" + apple + "/read", "{\"upTo\":2}", bob).statusCode()).isEqualTo(204);
        assertThat(post("/api/v1/boards/" + apple + "/read", "{\"upTo\":1}", bob).statusCode()).as("never back").isEqualTo(204);
        var rest = json(get("/api/v1/new", bob));
        assertThat(rest.path("messages")).extracting(m -> m.path("subject").asText()).containsExactly("z1");
        assertThat(rest.path("more").asBoolean()).isFalse();

        assertThat(post("/api/v1/new/read-all", "", bob).statusCode()).isEqualTo(204);
        assertThat(json(get("/api/v1/new", bob)).path("messages")).isEmpty();
        assertThat(json(get("/api/v1/new", alice)).path("messages")).as("her own posts are no news to her").isEmpty();
    }

    @Test
    void posting_too_fast_is_429_with_retry_after() {
        var lobby = board("Lobby");
        HttpResponse<String> last = null;
        for (int i = 0; i <= 30 && (last == null || last.statusCode() == 201); i++) {
            last = post("/api/v1/boards/" + lobby + "/threads", "{\"subject\":\"s" + i + "\",\"body\":\"b\"}", alice);
        }
        assertProblem(last, 429, "rate-limited");
        assertThat(last.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void hostile_input_is_a_clear_4xx_and_records_nothing() {
        var lobby = board("Lobby");
        var hello = startThread(lobby, "Hello", "Hi all", alice);
        var thread = hello.path("threadId").asText();
        long before = f.log.lastPosition();
        var threads = "/api/v1/boards/" + lobby + "/threads";
        var replies = "/api/v1/threads/" + thread + "/messages";

        for (var path : List.of("/api/v1/boards/not-a-uuid/threads", "/api/v1/boards/" + lobby + "x/threads",
                threads + "?limit=0", threads + "?limit=201", threads + "?limit=-1", threads + "?offset=-5",
                threads + "?offset=99999999999", threads + "?limit=abc", "/api/v1/new?limit=501", "/api/v1/new?limit=1e3",
                "/api/v1/threads/%00", "/api/v1/threads/" + "9".repeat(5000))) {
            var response = get(path, bob);
            assertThat(response.statusCode()).as(path + " " + response.body()).isBetween(400, 499);
        }
        var huge = "{\"subject\":\"x\",\"body\":\"" + "y".repeat(WebSettings.DEFAULT_MAX_BODY_BYTES) + "\"}";
        assertProblem(projected(server.postAskingFirst(threads, huge, "Authorization", auth(bob))), 413, "content-too-large");
        for (var body : List.of("", "null", "[]", "{", "{\"subject\":5,\"body\":\"b\"}", "{\"subject\":\"s\"}",
                "{\"subject\":\"s\",\"body\":\"   \"}", "{\"subject\":\"a\\u0000b\",\"body\":\"b\"}",
                "{\"subject\":\"line\\nbreak\",\"body\":\"b\"}", "{\"subject\":\"s\",\"body\":\"bell\\u0007\"}",
                "{\"subject\":\"" + "s".repeat(121) + "\",\"body\":\"b\"}", "{\"subject\":\"s\",\"body\":\"" + "z".repeat(20_001) + "\"}",
                "{\"subject\":\"s\",\"body\":{\"nested\":true}}", "{\"subject\":[\"s\"],\"body\":\"b\"}",
                "{\"subject\":\"s\",\"subject\":\"t\",\"body\":\"b\"}")) {
            assertProblem(post(threads, body, bob), 400, "validation-failed");
        }
        for (var body : List.of("{\"body\":\"b\",\"inReplyTo\":\"nope\"}", "{\"body\":\"b\",\"inReplyTo\":7}",
                "{\"body\":\"b\",\"subject\":\"two\\r\\nlines\"}")) {
            assertProblem(post(replies, body, bob), 400, "validation-failed");
        }
        for (var body : List.of("{\"upTo\":\"2\"}", "{\"upTo\":-1}", "{}", "{\"upTo\":1e99}", "{\"upTo\":true}", "{\"upTo\":1.5}",
                "{\"upTo\":99999999999999999999999}")) {
            var response = post("/api/v1/boards/" + lobby + "/read", body, bob);
            assertThat(response.statusCode()).as(body + " " + response.body()).isEqualTo(400);
        }
        for (var body : List.of("{\"conference\":\"G\",\"name\":\"N\",\"readers\":[\"wizard\"],\"posters\":[\"member\"]}",
                "{\"conference\":\"G\",\"name\":\"N\",\"readers\":\"member\",\"posters\":[\"member\"]}",
                "{\"conference\":\"G\",\"name\":\"N\",\"readers\":[],\"posters\":[\"member\"]}",
                "{\"conference\":\"G\",\"name\":\"N\",\"readers\":[null],\"posters\":[\"member\"]}",
                "{\"conference\":\"G\",\"name\":\"N\\tM\",\"readers\":[\"member\"],\"posters\":[\"member\"]}",
                "{\"name\":\"N\",\"readers\":[\"member\"],\"posters\":[\"member\"]}",
                "{\"conference\":\"G\",\"name\":\"N\",\"description\":\"" + "d".repeat(201) + "\",\"readers\":[\"member\"],\"posters\":[\"member\"]}")) {
            assertProblem(post("/api/v1/boards", body, root), 400, "validation-failed");
        }
        assertProblem(send("PATCH", replies + "/" + hello.path("messageId").asText(), "{\"body\":7}", auth(alice)), 400,
                "validation-failed");
        assertProblem(send("PATCH", replies + "/x", "{\"body\":\"b\"}", auth(alice)), 400, "validation-failed");
        assertProblem(send("DELETE", replies + "/" + hello.path("messageId").asText(), "{\"reason\":\"" + "r".repeat(300) + "\"}",
                auth(mod)), 400, "validation-failed");
        assertThat(f.log.lastPosition()).as("nothing recorded").isEqualTo(before);
    }
}
