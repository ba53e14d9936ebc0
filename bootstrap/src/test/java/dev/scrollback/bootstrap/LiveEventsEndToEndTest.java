package dev.scrollback.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scrollback.adapters.web.WebServer;
import dev.scrollback.application.shared.ControlledClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5 items 2 and 3 over a real socket ({@code java.net.http.WebSocket}): {@code /ws} carries the events that
 * concern the caller with their types, positions and stored JSON (public view: no addresses), marks ephemeral frames,
 * and a client that reconnects with its last position gets everything it missed, then live events, with no gap and
 * no duplicate.
 */
class LiveEventsEndToEndTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    final ControlledClock clock = ControlledClock.at("2031-06-01T09:00:00Z");

    @Test
    void events_that_concern_a_member_arrive_live_and_a_reconnect_catches_up_without_loss() throws Exception {
        try (var bbs = TestBbs.start(data, clock)) {
            var sysop = bbs.sysop();
            var created = bbs.web().post("/api/v1/boards", Map.of("conference", "General", "name", "Chat",
                    "readers", List.of("member"), "posters", List.of("member")), sysop);
            assertThat(created.status()).isEqualTo(201);
            var board = created.body().get("id").asText();
            bbs.signUp("Amiga", "amiga@example.test");
            bbs.signUp("Bbsfan", "bbsfan@example.test");
            bbs.signUp("Carol", "carol@example.test");
            var amiga = bbs.web().logIn("Amiga", TestBbs.PASSWORD);
            var carol = bbs.web().logIn("Carol", TestBbs.PASSWORD);

            var first = Client.connect(bbs, "", "Authorization", "Bearer " + amiga);
            var carols = Client.connect(bbs, "?access_token=" + carol, null, null);
            first.until(frame -> frame.path("type").asText().equals("CaughtUp"));
            carols.until(frame -> frame.path("type").asText().equals("CaughtUp"));

            var bbsfan = bbs.web().logIn("Bbsfan", TestBbs.PASSWORD);
            var started = first.until(frame -> frame.path("type").asText().equals("SessionStarted")
                    && frame.at("/data/handle").asText().equals("Bbsfan"));
            assertThat(started.path("position").asLong()).isPositive();
            assertThat(started.path("ephemeral").isMissingNode()).isTrue();
            assertThat(started.at("/data/address").isMissingNode()).as("no address in the public view").isTrue();
            assertThat(started.at("/origin/address").isNull() || started.at("/origin/address").isMissingNode()).isTrue();

            assertThat(bbs.web().post("/api/v1/mail", Map.of("to", "Amiga", "subject", "Hi", "body", "Welcome!"), bbsfan)
                    .status()).isEqualTo(201);
            var mail = first.until(frame -> frame.path("type").asText().equals("PrivateMessageSent"));
            assertThat(mail.at("/data/senderHandle").asText()).isEqualTo("Bbsfan");
            long lastSeen = mail.path("position").asLong();
            first.close();

            // While Amiga is away: posts on a board she may read, and more mail to her.
            var thread = bbs.web().post("/api/v1/boards/" + board + "/threads",
                    Map.of("subject", "While you were out", "body", "First"), bbsfan);
            assertThat(thread.status()).isEqualTo(201);
            var threadId = thread.body().get("threadId").asText();
            for (int i = 0; i < 5; i++) {
                assertThat(bbs.web().post("/api/v1/threads/" + threadId + "/messages", Map.of("body", "Reply " + i), bbsfan)
                        .status()).isEqualTo(201);
            }
            assertThat(bbs.web().post("/api/v1/mail", Map.of("to", "Amiga", "subject", "Again", "body", "Still there?"),
                    bbsfan).status()).isEqualTo(201);
            var missed = concerningAmigaAfter(bbs, sysop, lastSeen);
            assertThat(missed).hasSizeGreaterThanOrEqualTo(7);

            var again = Client.connect(bbs, "?after=" + lastSeen + "&access_token=" + amiga, null, null);
            var caughtUp = again.until(frame -> frame.path("type").asText().equals("CaughtUp"));
            assertThat(caughtUp.path("ephemeral").asBoolean()).isTrue();
            assertThat(caughtUp.has("position")).as("ephemeral frames have no position").isFalse();
            assertThat(again.events()).as("everything missed comes before CaughtUp")
                    .extracting(frame -> frame.path("position").asLong()).containsAll(missed);
            var live = bbs.web().post("/api/v1/threads/" + threadId + "/messages", Map.of("body", "Now live"), bbsfan);
            assertThat(live.status()).isEqualTo(201);
            var liveFrame = again.until(frame -> frame.path("type").asText().equals("MessagePosted")
                    && frame.at("/data/body/personal").asText().equals("Now live"));

            var positions = again.events().stream().map(frame -> frame.path("position").asLong()).toList();
            assertThat(positions).as("in order, no duplicate").isSorted().doesNotHaveDuplicates();
            assertThat(positions).as("everything missed, then live").containsSubsequence(missed)
                    .contains(liveFrame.path("position").asLong()).allSatisfy(p -> assertThat(p).isGreaterThan(lastSeen));
            assertThat(new HashSet<>(positions)).containsAll(missed);

            assertThat(carols.events()).as("Carol is not sent Amiga's mail").noneMatch(frame ->
                    frame.path("type").asText().equals("PrivateMessageSent"));
            carols.close();
            again.close();
        }
    }

    @Test
    void refusals_close_the_socket_with_a_reason_and_a_ping_gets_a_pong() throws Exception {
        try (var bbs = TestBbs.start(data, clock)) {
            var sysop = bbs.sysop();
            assertThat(Client.connect(bbs, "", null, null).closed()).startsWith("1008 unauthorized");
            assertThat(Client.connect(bbs, "?access_token=nonsense", null, null).closed()).startsWith("1008 unauthorized");
            assertThat(Client.connect(bbs, "?after=-4&access_token=" + sysop, null, null).closed())
                    .startsWith("1008 after must be 0 or a position");
            assertThat(Client.connect(bbs, "?after=99999999&access_token=" + sysop, null, null).closed())
                    .startsWith("1008 after is beyond the log's last position");

            var client = Client.connect(bbs, "?after=0&access_token=" + sysop, null, null);
            client.until(frame -> frame.path("type").asText().equals("CaughtUp"));
            client.socket.sendText("{\"type\":\"ping\"}", true).get(10, TimeUnit.SECONDS);
            var pong = client.until(frame -> frame.path("type").asText().equals("Pong"));
            assertThat(pong.path("ephemeral").asBoolean()).isTrue();
            client.socket.sendText("{\"type\":\"subscribe\"}", true).get(10, TimeUnit.SECONDS);
            assertThat(client.until(frame -> frame.path("type").asText().equals("Refused")).path("detail").asText())
                    .contains("unknown frame");
            client.close();
        }
    }

    @Test
    void typing_in_a_room_reaches_the_others_in_it_as_an_ephemeral_frame_and_is_never_an_event() throws Exception {
        try (var bbs = TestBbs.start(data, clock)) {
            var sysop = bbs.sysop();
            var room = bbs.web().post("/api/v1/chat/rooms", Map.of("name", "Lobby", "kind", "public"), sysop)
                    .body().get("id").asText();
            bbs.signUp("Amiga", "amiga@example.test");
            bbs.signUp("Bbsfan", "bbsfan@example.test");
            var amiga = bbs.web().logIn("Amiga", TestBbs.PASSWORD);
            var bbsfan = bbs.web().logIn("Bbsfan", TestBbs.PASSWORD);
            var amigas = Client.connect(bbs, "?access_token=" + amiga, null, null);
            var bbsfans = Client.connect(bbs, "?access_token=" + bbsfan, null, null);
            amigas.until(frame -> frame.path("type").asText().equals("CaughtUp"));
            bbsfans.until(frame -> frame.path("type").asText().equals("CaughtUp"));

            amigas.socket.sendText("{\"type\":\"typing\",\"room\":\"" + room + "\"}", true).get(10, TimeUnit.SECONDS);
            assertThat(amigas.until(frame -> frame.path("type").asText().equals("Refused")).path("detail").asText())
                    .contains("not in that room");
            for (var token : List.of(amiga, bbsfan)) {
                assertThat(bbs.web().post("/api/v1/chat/rooms/" + room + "/join", Map.of(), token).status()).isEqualTo(200);
            }
            bbsfans.until(frame -> frame.path("type").asText().equals("ChatJoined")
                    && frame.at("/data/handle").asText().equals("Bbsfan"));
            amigas.socket.sendText("{\"type\":\"typing\",\"room\":\"" + room + "\"}", true).get(10, TimeUnit.SECONDS);
            var typing = bbsfans.until(frame -> frame.path("type").asText().equals("Typing"));
            assertThat(typing.path("ephemeral").asBoolean()).isTrue();
            assertThat(typing.has("position")).isFalse();
            assertThat(typing.path("handle").asText()).isEqualTo("Amiga");
            assertThat(typing.path("room").asText()).isEqualTo(room);
            var feed = bbs.web().get("/api/v1/events?after=0&limit=1000", sysop).body().get("events").toString();
            assertThat(feed).doesNotContain("Typing");
            amigas.close();
            bbsfans.close();
        }
    }

    /** Positions after {@code after} that concern Amiga, from the sysop's feed: sessions, board posts, her mail. */
    private static List<Long> concerningAmigaAfter(TestBbs bbs, String sysop, long after) throws Exception {
        var positions = new ArrayList<Long>();
        for (var event : bbs.web().get("/api/v1/events?after=" + after + "&limit=1000", sysop).body().get("events")) {
            var type = event.path("type").asText();
            boolean concerns = switch (type) {
                case "SessionStarted", "SessionEnded", "MessagePosted", "BoardCreated" -> true;
                case "PrivateMessageSent" -> event.at("/data/recipientHandle").asText().equals("Amiga")
                        || event.at("/data/senderHandle").asText().equals("Amiga");
                default -> false;
            };
            if (concerns) positions.add(event.path("position").asLong());
        }
        return positions;
    }

    /** A WebSocket client that keeps every frame it is sent. */
    static final class Client implements WebSocket.Listener {
        final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
        final List<JsonNode> seen = new ArrayList<>();
        final CompletableFuture<String> closedWith = new CompletableFuture<>();
        final StringBuilder partial = new StringBuilder();
        final HttpClient http = HttpClient.newHttpClient();
        WebSocket socket;

        static Client connect(TestBbs bbs, String query, String header, String value) throws Exception {
            var client = new Client();
            var uri = URI.create("ws://127.0.0.1:" + bbs.app().getBean(WebServer.class).port() + "/ws" + query);
            var builder = client.http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
            if (header != null) builder.header(header, value);
            client.socket = builder.buildAsync(uri, client).get(10, TimeUnit.SECONDS);
            return client;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    frames.add(JSON.readTree(partial.toString()));
                } catch (Exception e) {
                    closedWith.completeExceptionally(e);
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closedWith.complete(statusCode + " " + reason);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closedWith.completeExceptionally(error);
        }

        /** The first frame from now on that matches, waiting up to 20 s. */
        JsonNode until(Predicate<JsonNode> wanted) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (System.nanoTime() < deadline) {
                var frame = frames.poll(100, TimeUnit.MILLISECONDS);
                if (frame == null) continue;
                seen.add(frame);
                if (wanted.test(frame)) return frame;
            }
            throw new AssertionError("no such frame; seen " + seen + (closedWith.isDone() ? ", closed " + closedWith : ""));
        }

        /** The events (not ephemeral frames) seen so far, and any still queued. */
        List<JsonNode> events() {
            frames.drainTo(seen);
            return seen.stream().filter(frame -> !frame.path("ephemeral").asBoolean()).toList();
        }

        String closed() throws Exception {
            return closedWith.get(20, TimeUnit.SECONDS);
        }

        void close() {
            socket.abort();
            http.shutdownNow();
        }
    }
}
