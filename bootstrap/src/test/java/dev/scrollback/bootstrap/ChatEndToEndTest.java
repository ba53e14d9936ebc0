package dev.scrollback.bootstrap;

import static dev.scrollback.bootstrap.PasswordResetEndToEndTest.slug;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scrollback.application.shared.ControlledClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5, item 1, over real HTTP in the running application: a sysop opens a public room, members join and talk (a
 * line and an action), a late joiner sees the last lines, a moderator mutes and kicks, a private room keeps out whoever
 * was not invited, and a page reaches a caller who is online (and is in the feed) but not one who is away.
 */
class ChatEndToEndTest {
    static final String PASSWORD = TestBbs.PASSWORD;

    @TempDir
    Path data;

    final ControlledClock clock = ControlledClock.at("2031-05-01T12:00:00Z");

    @Test
    void rooms_lines_moderation_private_rooms_and_pages_over_rest() throws Exception {
        try (var bbs = TestBbs.start(data, clock)) {
            var web = bbs.web();
            for (var handle : List.of("Alice", "Bob", "Carol", "Mod", "Dave")) bbs.signUp(handle, handle.toLowerCase() + "@example.test");
            var root = bbs.sysop();
            assertThat(web.post("/api/v1/admin/users/Mod/roles/moderator", Map.of(), root).status()).isEqualTo(200);
            var alice = web.logIn("Alice", PASSWORD);
            var bob = web.logIn("Bob", PASSWORD);
            var carol = web.logIn("Carol", PASSWORD);
            var mod = web.logIn("Mod", PASSWORD);

            // A sysop opens a public room; a member may not, and a name is taken once whatever its case.
            var lobbyForm = Map.of("name", "Lobby", "kind", "public", "topic", "Say hello");
            assertThat(slug(web.post("/api/v1/chat/rooms", lobbyForm, alice))).isEqualTo("forbidden");
            var created = web.post("/api/v1/chat/rooms", lobbyForm, root);
            assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
            var lobby = created.body().get("id").asText();
            assertThat(slug(web.post("/api/v1/chat/rooms", Map.of("name", "LOBBY", "kind", "public"), root)))
                    .isEqualTo("room-name-taken");
            final var bobToken = bob;
            until(() -> web.get("/api/v1/chat/rooms", bobToken).body().get("rooms").size() == 1);

            // Two members join and talk: a line and an action.
            assertThat(web.post(room(lobby) + "/join", Map.of(), alice).status()).isEqualTo(200);
            assertThat(web.post(room(lobby) + "/join", Map.of(), bob).status()).isEqualTo(200);
            var said = web.post(room(lobby) + "/messages", Map.of("text", "Hello Bob"), alice);
            assertThat(said.status()).as(said.body().toString()).isEqualTo(201);
            var waved = web.post(room(lobby) + "/messages", Map.of("text", "/me waves"), bob);
            assertThat(waved.body().get("kind").asText()).isEqualTo("action");
            assertThat(web.post(room(lobby) + "/messages", Map.of("text", "Hi Alice"), bob).status()).isEqualTo(201);

            // A third joins late and sees the last lines at once, in the join's answer.
            var late = web.post(room(lobby) + "/join", Map.of(), carol);
            assertThat(late.status()).isEqualTo(200);
            assertThat(late.body().get("lines")).extracting(l -> l.get("handle").asText() + " " + l.get("kind").asText() + " "
                    + l.get("text").asText()).containsExactly("Alice say Hello Bob", "Bob action waves", "Bob say Hi Alice");
            assertThat(late.body().get("members")).extracting(m -> m.get("handle").asText()).contains("Alice", "Bob", "Carol");
            final var carolToken = carol;
            until(() -> web.get("/api/v1/chat/rooms", carolToken).body().get("rooms").get(0).get("members").asInt() == 3);

            // A moderator mutes Bob (his lines are refused), then kicks Alice (she is out of the room).
            var muted = web.post(room(lobby) + "/mute", Map.of("handle", "Bob", "minutes", 10, "reason", "Cool down"), mod);
            assertThat(muted.status()).as(muted.body().toString()).isEqualTo(200);
            assertThat(muted.body().get("until").asText()).isEqualTo("2031-05-01T12:10:00Z");
            var refused = web.post(room(lobby) + "/messages", Map.of("text", "But!"), bob);
            assertThat(slug(refused)).isEqualTo("muted");
            assertThat(slug(web.post(room(lobby) + "/kick", Map.of("handle", "Bob", "reason", "Nope"), alice))).isEqualTo("forbidden");
            var kicked = web.post(room(lobby) + "/kick", Map.of("handle", "Alice", "reason", "Shouting"), mod);
            assertThat(kicked.status()).as(kicked.body().toString()).isEqualTo(200);
            assertThat(kicked.body().get("sessions").asInt()).isEqualTo(1);
            assertThat(slug(web.post(room(lobby) + "/messages", Map.of("text", "Hey!"), alice))).isEqualTo("not-joined");
            assertThat(web.get(room(lobby), alice).body().get("joined").asBoolean()).isFalse();
            until(() -> web.get("/api/v1/chat/rooms", carolToken).body().get("rooms").get(0).get("members").asInt() == 2);

            // A private room: only whom its creator invites may join; to anyone else it does not exist.
            var den = web.post("/api/v1/chat/rooms", Map.of("name", "The Den", "kind", "private"), alice).body().get("id").asText();
            assertThat(web.post(room(den) + "/join", Map.of(), carol).status()).isEqualTo(404);
            assertThat(slug(web.get(room(den), carol))).isEqualTo("not-found");
            assertThat(web.post(room(den) + "/invitations", Map.of("handle", "bob"), alice).status()).isEqualTo(200);
            assertThat(web.post(room(den) + "/join", Map.of(), bob).status()).isEqualTo(200);
            assertThat(web.post(room(den) + "/messages", Map.of("text", "Just us"), bob).status()).as("muted in the lobby only")
                    .isEqualTo(201);

            // A page reaches a caller who is online; one who is away is refused.
            var paged = web.post("/api/v1/pages", Map.of("to", "carol", "text", "Call me on line 2"), alice);
            assertThat(paged.status()).as(paged.body().toString()).isEqualTo(201);
            assertThat(paged.body().get("to").asText()).isEqualTo("Carol");
            var away = web.post("/api/v1/pages", Map.of("to", "Dave", "text", "Are you there?"), alice);
            assertThat(away.status()).isEqualTo(409);
            assertThat(slug(away)).isEqualTo("not-online");
            assertThat(slug(web.post("/api/v1/pages", Map.of("to", "Alice", "text", "Me"), alice))).isEqualTo("cannot-page-yourself");

            // The feed has it all, with actors; what callers said is personal data.
            var feed = WalkingSkeletonEndToEndTest.readFeed(web, bbs.sysop());
            var page = of(feed, "PageSent");
            assertThat(page).singleElement().satisfies(e -> {
                assertActor(e, "Alice");
                assertThat(e.get("stream").asText()).startsWith("page-");
                assertThat(e.get("data").get("toHandle").asText()).isEqualTo("Carol");
                assertThat(e.get("data").get("text").get("personal").asText()).isEqualTo("Call me on line 2");
            });
            assertThat(of(feed, "ChatRoomCreated")).hasSize(2);
            assertActor(of(feed, "ChatRoomCreated").getFirst(), TestBbs.SYSOP);
            assertThat(of(feed, "ChatRoomNameClaimed")).hasSize(2);
            assertThat(of(feed, "ChatJoined")).hasSize(4);
            var lines = of(feed, "ChatMessageSent");
            assertThat(lines).hasSize(4);
            assertThat(lines.getFirst().get("stream").asText()).isEqualTo("chatroom-" + lobby);
            assertThat(lines.getFirst().get("data").get("text").get("personal").asText()).isEqualTo("Hello Bob");
            assertThat(lines.getFirst().get("origin").get("sessionId").asText())
                    .isEqualTo(lines.getFirst().get("data").get("session").asText());
            assertThat(of(feed, "ChatMemberMuted")).singleElement().satisfies(e -> assertActor(e, "Mod"));
            assertThat(of(feed, "ChatLeft")).singleElement().satisfies(e -> {
                assertActor(e, "Mod");
                assertThat(e.get("data").get("reason").asText()).isEqualTo("kicked");
                assertThat(e.get("data").get("note").asText()).isEqualTo("Shouting");
            });
            assertThat(of(feed, "ChatInvited")).singleElement().satisfies(e -> assertActor(e, "Alice"));
        }
    }

    private static String room(String id) {
        return "/api/v1/chat/rooms/" + id;
    }

    private static List<JsonNode> of(List<JsonNode> feed, String type) {
        return feed.stream().filter(e -> e.get("type").asText().equals(type)).toList();
    }

    private static void assertActor(JsonNode event, String handle) {
        assertThat(event.get("actor").get("kind").asText()).isEqualTo("user");
        assertThat(event.get("actor").get("handle").asText()).as(event.toString()).isEqualTo(handle);
    }

    /** Waits for the projections to catch up with what was just written. */
    private static void until(Callable<Boolean> condition) throws Exception {
        var deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!condition.call()) {
            if (Instant.now().isAfter(deadline)) throw new AssertionError("gave up waiting");
            Thread.sleep(50);
        }
    }
}
