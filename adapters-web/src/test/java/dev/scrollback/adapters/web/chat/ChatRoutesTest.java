package dev.scrollback.adapters.web.chat;

import static dev.scrollback.adapters.web.TestServer.assertProblem;
import static dev.scrollback.adapters.web.TestServer.bearer;
import static dev.scrollback.adapters.web.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scrollback.adapters.web.Sessions;
import dev.scrollback.adapters.web.TestServer;
import dev.scrollback.adapters.web.accounts.Authentication;
import dev.scrollback.application.accounts.AuthenticateApiKey;
import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.chat.ChatFixture;
import dev.scrollback.application.shared.CountingRateLimiter;
import dev.scrollback.domain.accounts.ApiKeyId;
import dev.scrollback.domain.accounts.Role;
import dev.scrollback.domain.accounts.Scope;
import dev.scrollback.domain.chat.ChatRoomEvent.ChatLeft;
import dev.scrollback.domain.chat.PageEvent.PageSent;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Chat rooms and pages over REST, on the real chat services (in memory) behind the real server. */
class ChatRoutesTest {
    @TempDir Path keys;

    Sessions sessions;
    ChatFixture f;
    TestServer server;
    Caller root;
    Caller mod;
    Caller alice;
    Caller bob;
    Caller carol;
    final Map<String, Caller> apiKeys = new ConcurrentHashMap<>();

    @BeforeEach
    void start() {
        sessions = new Sessions(keys);
        f = new ChatFixture(sessions.clock, new CountingRateLimiter(sessions.clock));
        root = f.adopt(sessions.open("Keeper", Role.SYSOP, Role.MEMBER));
        mod = f.adopt(sessions.open("Mod", Role.MODERATOR, Role.MEMBER));
        alice = f.adopt(sessions.open("Alice", Role.MEMBER));
        bob = f.adopt(sessions.open("Bob", Role.MEMBER));
        carol = f.adopt(sessions.open("Carol", Role.MEMBER));
        AuthenticateApiKey keyCheck = key -> apiKeys.containsKey(key.value())
                ? new AuthenticateApiKey.Check.Valid(apiKeys.get(key.value())) : new AuthenticateApiKey.Check.Unknown();
        var auth = new Authentication(sessions.tokens, sessions.authenticateSession, keyCheck);
        server = TestServer.start(new ChatRoutes(f.createChatRoom, f.listChatRooms, f.showChatRoom, f.joinChatRoom,
                f.leaveChatRoom, f.sendChatMessage, f.inviteToChatRoom, f.kickFromChatRoom, f.muteInChatRoom,
                f.unmuteInChatRoom, auth), new PageRoutes(f.sendPage, auth));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    String auth(Caller caller) {
        return bearer(sessions.accessToken(caller));
    }

    /** Sends, then lets the projections catch up, as their processors would a moment later. */
    HttpResponse<String> post(String path, String body, Caller caller) {
        return projected(server.post(path, body, "Authorization", auth(caller)));
    }

    HttpResponse<String> get(String path, Caller caller) {
        return server.get(path, "Authorization", auth(caller));
    }

    HttpResponse<String> delete(String path, Caller caller) {
        return projected(server.delete(path, "Authorization", auth(caller)));
    }

    private HttpResponse<String> projected(HttpResponse<String> response) {
        f.catchUp();
        return response;
    }

    String room(String name, String kind, Caller creator) {
        var created = post("/api/v1/chat/rooms", "{\"name\":\"" + name + "\",\"kind\":\"" + kind + "\",\"topic\":\"About " + name + "\"}",
                creator);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        var id = json(created).path("id").asText();
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/chat/rooms/" + id);
        return id;
    }

    JsonNode join(String room, Caller caller) {
        var joined = post("/api/v1/chat/rooms/" + room + "/join", "", caller);
        assertThat(joined.statusCode()).as(joined.body()).isEqualTo(200);
        return json(joined);
    }

    HttpResponse<String> say(String room, String text, Caller caller) {
        return post("/api/v1/chat/rooms/" + room + "/messages", body(Map.of("text", text)), caller);
    }

    static String body(Map<String, ?> fields) {
        try {
            return dev.scrollback.adapters.web.shared.Json.mapper().writeValueAsString(fields);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void a_sysop_opens_a_public_room_members_join_talk_and_a_late_joiner_sees_the_last_lines() {
        var lobby = room("Lobby", "public", root);
        var listed = json(get("/api/v1/chat/rooms", bob)).path("rooms");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).path("name").asText()).isEqualTo("Lobby");
        assertThat(listed.get(0).path("kind").asText()).isEqualTo("public");
        assertThat(listed.get(0).path("topic").asText()).isEqualTo("About Lobby");
        assertThat(listed.get(0).path("createdBy").asText()).isEqualTo("Keeper");
        assertThat(listed.get(0).path("members").asInt()).isZero();

        assertThat(join(lobby, alice).path("lines")).isEmpty();
        join(lobby, bob);
        var said = say(lobby, "hello Bob", alice);
        assertThat(said.statusCode()).as(said.body()).isEqualTo(201);
        assertThat(json(said).path("kind").asText()).isEqualTo("say");
        assertThat(json(said).path("handle").asText()).isEqualTo("Alice");
        var done = json(say(lobby, "/me waves", bob));
        assertThat(done.path("kind").asText()).isEqualTo("action");
        assertThat(done.path("text").asText()).isEqualTo("waves");
        assertThat(json(say(lobby, "//me is not an action", bob)).path("text").asText()).isEqualTo("/me is not an action");

        var late = join(lobby, carol);
        assertThat(late.path("joined").asBoolean()).isTrue();
        assertThat(late.path("room").path("name").asText()).isEqualTo("Lobby");
        assertThat(late.path("lines")).extracting(l -> l.path("handle").asText() + " " + l.path("kind").asText() + " "
                + l.path("text").asText()).containsExactly("Alice say hello Bob", "Bob action waves", "Bob say /me is not an action");
        assertThat(late.path("members")).extracting(m -> m.path("handle").asText()).containsExactly("Alice", "Bob", "Carol");
        assertThat(late.path("mayModerate").asBoolean()).isFalse();
        assertThat(json(get("/api/v1/chat/rooms", carol)).path("rooms").get(0).path("members").asInt()).isEqualTo(3);
        assertThat(json(get("/api/v1/chat/rooms", carol)).path("rooms").get(0).path("joined").asBoolean()).isTrue();
        assertThat(get("/api/v1/chat/rooms/" + lobby, carol).headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void opening_rooms_is_for_the_right_roles_with_unique_well_formed_names() {
        room("Lobby", "public", mod);
        assertProblem(post("/api/v1/chat/rooms", "{\"name\":\"LOBBY\",\"kind\":\"public\"}", root), 409, "room-name-taken");
        assertProblem(post("/api/v1/chat/rooms", "{\"name\":\"Mine\",\"kind\":\"public\"}", alice), 403, "forbidden");
        room("Mine", "private", alice);
        assertThat(assertProblem(post("/api/v1/chat/rooms", "{\"name\":\"Odd\",\"kind\":\"secret\"}", alice), 400,
                "validation-failed").path("field").asText()).isEqualTo("kind");
        assertThat(assertProblem(post("/api/v1/chat/rooms", "{\"name\":\"x\",\"kind\":\"private\"}", alice), 400,
                "validation-failed").path("field").asText()).isEqualTo("name");
        assertThat(assertProblem(post("/api/v1/chat/rooms", "{\"name\":\"Ok\",\"kind\":\"private\",\"topic\":\"a\\u001bb\"}", alice),
                400, "validation-failed").path("field").asText()).isEqualTo("topic");
        assertProblem(post("/api/v1/chat/rooms", "[]", alice), 400, "validation-failed");
        assertProblem(server.get("/api/v1/chat/rooms"), 401, "unauthorized");
    }

    @Test
    void lines_from_a_session_that_has_not_joined_or_that_break_the_rules_are_refused() {
        var lobby = room("Lobby", "public", mod);
        assertProblem(say(lobby, "hi", alice), 409, "not-joined");
        join(lobby, alice);
        assertThat(assertProblem(say(lobby, "\u001b[2Jgotcha", alice), 400, "validation-failed").path("field").asText())
                .isEqualTo("text");
        assertProblem(say(lobby, "x".repeat(10_000), alice), 400, "validation-failed");
        assertProblem(say(lobby, "/me", alice), 400, "validation-failed");
        assertProblem(post("/api/v1/chat/rooms/" + lobby + "/messages", "{}", alice), 400, "validation-failed");
        assertProblem(post("/api/v1/chat/rooms/" + lobby + "/messages", "{\"text\": 42}", alice), 400, "validation-failed");
        assertThat(assertProblem(say("not-a-room", "hi", alice), 400, "validation-failed").path("field").asText()).isEqualTo("id");
        assertProblem(say(UUID.randomUUID().toString(), "hi", alice), 404, "not-found");
    }

    @Test
    void a_flood_of_lines_is_a_429_with_retry_after() {
        var lobby = room("Lobby", "public", mod);
        join(lobby, alice);
        for (int i = 0; i < 10; i++) assertThat(say(lobby, "line " + i, alice).statusCode()).isEqualTo(201);
        var limited = say(lobby, "one too many", alice);
        assertProblem(limited, 429, "rate-limited");
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void leaving_answers_whether_this_session_was_in_the_room() {
        var lobby = room("Lobby", "public", mod);
        join(lobby, alice);
        assertThat(json(post("/api/v1/chat/rooms/" + lobby + "/leave", "", alice)).path("left").asBoolean()).isTrue();
        assertThat(json(post("/api/v1/chat/rooms/" + lobby + "/leave", "", alice)).path("left").asBoolean()).isFalse();
        assertThat(json(get("/api/v1/chat/rooms/" + lobby, alice)).path("joined").asBoolean()).isFalse();
    }

    @Test
    void a_private_room_is_a_404_to_the_uninvited_until_its_creator_invites_them() {
        var den = room("Den", "private", alice);
        assertProblem(get("/api/v1/chat/rooms/" + den, bob), 404, "not-found");
        assertProblem(post("/api/v1/chat/rooms/" + den + "/join", "", bob), 404, "not-found");
        assertThat(json(get("/api/v1/chat/rooms", bob)).path("rooms")).isEmpty();

        var invited = post("/api/v1/chat/rooms/" + den + "/invitations", "{\"handle\":\"bob\"}", alice);
        assertThat(invited.statusCode()).as(invited.body()).isEqualTo(200);
        assertThat(json(invited).path("changed").asBoolean()).isTrue();
        assertThat(json(post("/api/v1/chat/rooms/" + den + "/invitations", "{\"handle\":\"Bob\"}", alice)).path("changed")
                .asBoolean()).isFalse();
        assertThat(join(den, bob).path("room").path("kind").asText()).isEqualTo("private");
        assertThat(json(get("/api/v1/chat/rooms", bob)).path("rooms")).extracting(r -> r.path("name").asText())
                .containsExactly("Den");

        assertThat(assertProblem(post("/api/v1/chat/rooms/" + den + "/invitations", "{\"handle\":\"Nobody\"}", alice), 422,
                "unknown-caller").path("field").asText()).isEqualTo("handle");
        assertThat(assertProblem(post("/api/v1/chat/rooms/" + den + "/invitations", "{\"handle\":\"no way!\"}", alice), 400,
                "validation-failed").path("field").asText()).isEqualTo("handle");
        assertProblem(post("/api/v1/chat/rooms/" + den + "/invitations", "{\"handle\":\"Carol\"}", bob), 403, "forbidden");
        assertProblem(post("/api/v1/chat/rooms/" + den + "/invitations", "{\"handle\":\"Alice\"}", alice), 422,
                "cannot-target-yourself");
        var lobby = room("Lobby", "public", mod);
        assertProblem(post("/api/v1/chat/rooms/" + lobby + "/invitations", "{\"handle\":\"Bob\"}", mod), 409, "room-is-public");
    }

    @Test
    void a_moderator_mutes_unmutes_and_kicks_with_reasons() {
        var lobby = room("Lobby", "public", root);
        join(lobby, alice);
        join(lobby, mod);
        assertThat(join(lobby, mod).path("mayModerate").asBoolean()).isTrue();

        var muted = post("/api/v1/chat/rooms/" + lobby + "/mute", "{\"handle\":\"alice\",\"minutes\":10,\"reason\":\"Cool down\"}", mod);
        assertThat(muted.statusCode()).as(muted.body()).isEqualTo(200);
        assertThat(json(muted).path("until").asText()).isEqualTo("2025-03-01T20:10:00Z");
        assertThat(assertProblem(say(lobby, "but!", alice), 403, "muted").path("detail").asText()).contains("2025-03-01T20:10:00Z");
        assertThat(json(get("/api/v1/chat/rooms/" + lobby, alice)).path("mutedUntil").asText()).isEqualTo("2025-03-01T20:10:00Z");
        var lifted = delete("/api/v1/chat/rooms/" + lobby + "/mute/Alice", mod);
        assertThat(json(lifted).path("changed").asBoolean()).isTrue();
        assertThat(json(delete("/api/v1/chat/rooms/" + lobby + "/mute/Alice", mod)).path("changed").asBoolean()).isFalse();
        assertThat(say(lobby, "thanks", alice).statusCode()).isEqualTo(201);

        for (var minutes : new String[] {"0", "1.5", "\"ten\"", "10081", "99999999999999999999", "null"}) {
            assertThat(assertProblem(post("/api/v1/chat/rooms/" + lobby + "/mute",
                    "{\"handle\":\"alice\",\"minutes\":" + minutes + ",\"reason\":\"x\"}", mod), 400, "validation-failed")
                    .path("field").asText()).as(minutes).isEqualTo("minutes");
        }
        assertProblem(post("/api/v1/chat/rooms/" + lobby + "/mute", "{\"handle\":\"mod\",\"minutes\":5,\"reason\":\"x\"}", alice),
                403, "forbidden");
        assertProblem(post("/api/v1/chat/rooms/" + lobby + "/mute", "{\"handle\":\"Keeper\",\"minutes\":5,\"reason\":\"x\"}", mod),
                403, "forbidden");

        long before = f.log.lastPosition();
        var kicked = post("/api/v1/chat/rooms/" + lobby + "/kick", "{\"handle\":\"Alice\",\"reason\":\"Flooding\"}", mod);
        assertThat(kicked.statusCode()).as(kicked.body()).isEqualTo(200);
        assertThat(json(kicked).path("sessions").asInt()).isEqualTo(1);
        assertThat(f.since(before)).singleElement().satisfies(r -> assertThat(((ChatLeft) r.event()).note()).contains("Flooding"));
        assertProblem(say(lobby, "hey", alice), 409, "not-joined");
        assertProblem(post("/api/v1/chat/rooms/" + lobby + "/kick", "{\"handle\":\"Alice\",\"reason\":\"again\"}", mod), 409,
                "not-in-room");
        assertThat(assertProblem(post("/api/v1/chat/rooms/" + lobby + "/kick", "{\"handle\":\"Alice\"}", mod), 400,
                "validation-failed").path("field").asText()).isEqualTo("reason");
    }

    @Test
    void a_page_reaches_a_caller_online_now_and_nobody_else() {
        var paged = server.post("/api/v1/pages", "{\"to\":\"bob\",\"text\":\"Call me on line 2\"}", "Authorization", auth(alice));
        assertThat(paged.statusCode()).as(paged.body()).isEqualTo(201);
        assertThat(json(paged).path("to").asText()).isEqualTo("Bob");
        var recorded = f.log.readAfter(0, 10_000).stream().map(r -> r.event()).filter(PageSent.class::isInstance).toList();
        assertThat(recorded).singleElement().satisfies(e -> assertThat(((PageSent) e).text().value()).isEqualTo("Call me on line 2"));

        f.hangUp(carol);
        assertThat(assertProblem(server.post("/api/v1/pages", "{\"to\":\"Carol\",\"text\":\"There?\"}", "Authorization",
                auth(alice)), 409, "not-online").path("field").asText()).isEqualTo("to");
        assertThat(assertProblem(server.post("/api/v1/pages", "{\"to\":\"Alice\",\"text\":\"Me\"}", "Authorization",
                auth(alice)), 422, "cannot-page-yourself").path("field").asText()).isEqualTo("to");
        assertThat(assertProblem(server.post("/api/v1/pages", "{\"to\":\"Nobody\",\"text\":\"Hi\"}", "Authorization",
                auth(alice)), 422, "unknown-caller").path("field").asText()).isEqualTo("to");
        assertThat(assertProblem(server.post("/api/v1/pages", "{\"to\":\"Bob\",\"text\":\"" + "p".repeat(201) + "\"}",
                "Authorization", auth(alice)), 400, "validation-failed").path("field").asText()).isEqualTo("text");
        assertThat(assertProblem(server.post("/api/v1/pages", "{\"text\":\"Hi\"}", "Authorization", auth(alice)), 400,
                "validation-failed").path("field").asText()).isEqualTo("to");
    }

    @Test
    void api_keys_take_no_part_in_chat() {
        var id = new ApiKeyId(UUID.randomUUID());
        var key = "sbk_" + id.compact() + "_" + "a".repeat(52);
        apiKeys.put(key, Caller.withApiKey(root.account(), root.handle(), id, Set.of(Scope.ADMIN, Scope.BOARDS_WRITE), root.roles()));
        assertThat(assertProblem(server.get("/api/v1/chat/rooms", "Authorization", bearer(key)), 403, "forbidden")
                .path("detail").asText()).contains("interactive login");
        assertProblem(server.post("/api/v1/chat/rooms", "{\"name\":\"Bots\",\"kind\":\"public\"}", "Authorization", bearer(key)),
                403, "forbidden");
        assertProblem(server.post("/api/v1/pages", "{\"to\":\"Bob\",\"text\":\"beep\"}", "Authorization", bearer(key)),
                403, "forbidden");
    }
}
