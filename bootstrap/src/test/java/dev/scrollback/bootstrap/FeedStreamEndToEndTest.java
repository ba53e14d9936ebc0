package dev.scrollback.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scrollback.adapters.web.WebServer;
import dev.scrollback.application.shared.ControlledClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7 item 6 through the real server: {@code GET /api/v1/events/stream} catches up from the store, then a chat line
 * said after connecting arrives live, with the same item the paged feed gives; a reconnect with {@code Last-Event-ID}
 * continues with no gap and no duplicate; filters and refusals.
 */
class FeedStreamEndToEndTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    final ControlledClock clock = ControlledClock.at("2031-06-01T09:00:00Z");

    record Message(long id, String event, JsonNode data) {}

    /** Reads an event stream on its own thread. */
    static final class Stream implements AutoCloseable {
        final LinkedBlockingQueue<Message> messages = new LinkedBlockingQueue<>();
        final List<Message> seen = new ArrayList<>();
        final HttpClient http = HttpClient.newHttpClient();
        final HttpResponse<java.util.stream.Stream<String>> response;

        Stream(TestBbs bbs, String query, String token, String lastEventId) throws Exception {
            var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bbs.app().getBean(WebServer.class).port()
                    + "/api/v1/events/stream" + query)).header("Authorization", "Bearer " + token).header("Accept", "text/event-stream");
            if (lastEventId != null) request.header("Last-Event-ID", lastEventId);
            response = http.send(request.GET().build(), HttpResponse.BodyHandlers.ofLines());
            if (response.statusCode() != 200) return;
            Thread.ofVirtual().start(() -> {
                long id = -1;
                String event = null;
                var dataLines = new ArrayList<String>();
                try (var lines = response.body()) {
                    for (var line : (Iterable<String>) lines::iterator) {
                        if (line.isEmpty()) {
                            if (!dataLines.isEmpty()) messages.add(new Message(id, event, JSON.readTree(String.join("\n", dataLines))));
                            dataLines.clear();
                        } else if (line.startsWith("id: ")) {
                            id = Long.parseLong(line.substring(4));
                        } else if (line.startsWith("event: ")) {
                            event = line.substring(7);
                        } else if (line.startsWith("data: ")) {
                            dataLines.add(line.substring(6));
                        }
                    }
                } catch (Exception ended) {
                    // closed
                }
            });
        }

        Message until(Predicate<Message> wanted) throws InterruptedException {
            while (true) {
                var next = messages.poll(15, TimeUnit.SECONDS);
                assertThat(next).as("a wanted message within 15 s; seen " + seen.size()).isNotNull();
                seen.add(next);
                if (wanted.test(next)) return next;
            }
        }

        @Override
        public void close() {
            http.shutdownNow();
        }
    }

    @Test
    void a_chat_line_said_after_connecting_arrives_live_and_a_reconnect_continues_without_gap_or_duplicate() throws Exception {
        try (var bbs = TestBbs.start(data, clock)) {
            var sysop = bbs.sysop();
            var web = bbs.web();
            var room = web.post("/api/v1/chat/rooms", Map.of("name", "Lobby", "kind", "public"), sysop).body().get("id").asText();
            bbs.signUp("Amiga", "amiga@example.test");
            var amiga = web.logIn("Amiga", TestBbs.PASSWORD);
            assertThat(web.post("/api/v1/chat/rooms/" + room + "/join", Map.of(), amiga).status()).isEqualTo(200);

            var stream = new Stream(bbs, "", sysop, null);
            assertThat(stream.response.statusCode()).isEqualTo(200);
            assertThat(stream.response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/event-stream");
            var joined = stream.until(m -> m.event().equals("ChatJoined"));        // caught up from the store

            assertThat(web.post("/api/v1/chat/rooms/" + room + "/messages", Map.of("text", "Hello stream"), amiga).status())
                    .isEqualTo(201);
            var said = stream.until(m -> m.event().equals("ChatMessageSent"));
            assertThat(said.id()).isGreaterThan(joined.id());
            assertThat(said.data().path("position").asLong()).isEqualTo(said.id());
            assertThat(said.data().at("/data/text/personal").asText()).isEqualTo("Hello stream");
            // exactly the paged feed's item for that position
            var paged = web.get("/api/v1/events?after=" + (said.id() - 1) + "&limit=1", sysop).body().get("events").get(0);
            assertThat(said.data()).isEqualTo(paged);
            var positions = stream.seen.stream().map(Message::id).toList();
            assertThat(positions).isSorted().doesNotHaveDuplicates().startsWith(1L);
            stream.close();

            // while away: more lines; a reconnect with Last-Event-ID gets them, then live ones
            for (int i = 0; i < 3; i++) {
                assertThat(web.post("/api/v1/chat/rooms/" + room + "/messages", Map.of("text", "Missed " + i), amiga).status())
                        .isEqualTo(201);
            }
            var again = new Stream(bbs, "?after=0", sysop, Long.toString(said.id()));
            var first = again.until(m -> true);
            assertThat(first.id()).isEqualTo(said.id() + 1);
            again.until(m -> m.event().equals("ChatMessageSent") && m.data().at("/data/text/personal").asText().equals("Missed 2"));
            assertThat(web.post("/api/v1/chat/rooms/" + room + "/messages", Map.of("text", "Live again"), amiga).status())
                    .isEqualTo(201);
            again.until(m -> m.event().equals("ChatMessageSent") && m.data().at("/data/text/personal").asText().equals("Live again"));
            var resumed = again.seen.stream().map(Message::id).toList();
            assertThat(resumed).isSorted().doesNotHaveDuplicates().allSatisfy(p -> assertThat(p).isGreaterThan(said.id()));
            var pagedAfter = web.get("/api/v1/events?after=" + said.id() + "&limit=1000", sysop).body().get("events");
            var expected = new ArrayList<Long>();
            pagedAfter.forEach(e -> expected.add(e.path("position").asLong()));
            assertThat(resumed).as("no gap: every position the paged feed has").isEqualTo(
                    expected.subList(0, resumed.size()));
            again.close();

            // filtered: only chat lines of chatroom streams
            var filtered = new Stream(bbs, "?types=ChatMessageSent&categories=chatroom", sysop, null);
            var lines = new ArrayList<String>();
            for (int i = 0; i < 5; i++) lines.add(filtered.until(m -> true).data().at("/data/text/personal").asText());
            assertThat(lines).containsExactly("Hello stream", "Missed 0", "Missed 1", "Missed 2", "Live again");
            assertThat(filtered.seen).allMatch(m -> m.event().equals("ChatMessageSent"));
            filtered.close();

            // a member may not follow the feed; the refusal is a problem, not a stream
            var refused = new Stream(bbs, "", amiga, null);
            assertThat(refused.response.statusCode()).isEqualTo(403);
            refused.close();
        }
    }
}
