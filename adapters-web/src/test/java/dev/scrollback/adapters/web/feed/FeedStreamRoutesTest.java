package dev.scrollback.adapters.web.feed;

import static dev.scrollback.adapters.web.TestServer.assertProblem;
import static dev.scrollback.adapters.web.TestServer.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.adapters.web.Sessions;
import dev.scrollback.adapters.web.TestServer;
import dev.scrollback.application.accounts.AccessDenied;
import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.feed.FeedFilter;
import dev.scrollback.application.feed.FeedItem;
import dev.scrollback.application.feed.FollowFeed;
import dev.scrollback.application.feed.JsonText;
import dev.scrollback.application.shared.Actor;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.application.shared.RateLimited;
import dev.scrollback.application.shared.StreamId;
import dev.scrollback.domain.accounts.Role;
import dev.scrollback.domain.shared.Channel;
import dev.scrollback.domain.shared.RemoteAddress;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedStreamRoutesTest {
    static final String STORED = "{ \"handle\" :\"alice\",\n  \"email\":{\"personal\":\"a@example.test\"} }";

    /** A feed in memory, followed as the application does it: everything after the cursor, then each append. */
    final class Feed implements FollowFeed {
        final List<FeedItem> items = new CopyOnWriteArrayList<>();
        final AtomicReference<FeedFilter> filter = new AtomicReference<>();
        final AtomicReference<Long> after = new AtomicReference<>();
        final AtomicInteger open = new AtomicInteger();
        final CountDownLatch closed = new CountDownLatch(1);
        RuntimeException refusal;

        synchronized void append(String type, String stream, String data) {
            items.add(new FeedItem(items.size() + 1, UUID.randomUUID(), type, 1, new StreamId(stream), 0,
                    Instant.parse("2025-03-01T20:00:00.123Z"), new Actor(Actor.Kind.USER, Optional.of("u1"), Optional.of("alice")),
                    new Origin(Channel.WEB, Optional.of(new RemoteAddress("192.0.2.7")), Optional.empty()),
                    UUID.fromString("01958f2e-0000-7000-8000-00000000000c"), Optional.empty(), new JsonText(data)));
            notifyAll();
        }

        @Override
        public Following open(Caller caller, long from, FeedFilter wanted) {
            if (refusal != null) throw refusal;
            AccessDenied.unlessAny(caller, Role.SYSOP);
            filter.set(wanted);
            after.set(from);
            open.incrementAndGet();
            return new Following() {
                volatile boolean stopped;

                @Override
                public long run(Sink sink, Duration heartbeat) throws InterruptedException {
                    long cursor = from;
                    while (!stopped) {
                        List<FeedItem> fresh;
                        synchronized (Feed.this) {
                            long at = cursor;
                            fresh = items.stream().filter(i -> i.position() > at).toList();
                            if (fresh.isEmpty()) {
                                Feed.this.wait(heartbeat.toMillis());
                                if (stopped) break;
                                if (items.size() <= cursor && !sink.heartbeat()) return cursor;
                                continue;
                            }
                        }
                        for (var item : fresh) {
                            if (wanted.matches(item) && !sink.send(item)) return cursor;
                            cursor = item.position();
                        }
                        if (!sink.flush()) return cursor;
                    }
                    return cursor;
                }

                @Override
                public void stop() {
                    synchronized (Feed.this) {
                        stopped = true;
                        Feed.this.notifyAll();
                    }
                }

                @Override
                public void close() {
                    open.decrementAndGet();
                    closed.countDown();
                }
            };
        }

        @Override
        public boolean mayFollow(Caller caller) {
            return caller.holds(Role.SYSOP);
        }
    }

    /** One SSE message as read off the wire. */
    record Message(String id, String event, String data) {}

    /** Reads the stream on its own thread: messages and comments, as they come. */
    static final class Reader implements AutoCloseable {
        final LinkedBlockingQueue<Object> got = new LinkedBlockingQueue<>();
        final HttpResponse<java.util.stream.Stream<String>> response;
        final Thread thread;

        Reader(HttpResponse<java.util.stream.Stream<String>> response) {
            this.response = response;
            thread = Thread.ofVirtual().start(() -> {
                String id = null, event = null;
                var data = new ArrayList<String>();
                try (var lines = response.body()) {
                    for (var line : (Iterable<String>) lines::iterator) {
                        if (line.isEmpty()) {
                            if (!data.isEmpty()) got.add(new Message(id, event, String.join("\n", data)));
                            id = null;
                            event = null;
                            data.clear();
                        } else if (line.startsWith(":")) {
                            got.add(line);
                        } else if (line.startsWith("id: ")) {
                            id = line.substring(4);
                        } else if (line.startsWith("event: ")) {
                            event = line.substring(7);
                        } else if (line.startsWith("data: ")) {
                            data.add(line.substring(6));
                        }
                    }
                } catch (RuntimeException ended) {
                    // closed by the test
                }
                got.add("END");
            });
        }

        Message message() throws InterruptedException {
            while (true) {
                var next = got.poll(10, TimeUnit.SECONDS);
                assertThat(next).as("a message within 10 s").isNotNull();
                if (next instanceof Message m) return m;
                assertThat(next).as("the stream ended").isNotEqualTo("END");
            }
        }

        String comment(String starting) throws InterruptedException {
            while (true) {
                var next = got.poll(10, TimeUnit.SECONDS);
                assertThat(next).as("a comment within 10 s").isNotNull().isNotEqualTo("END");
                if (next instanceof String s && s.startsWith(starting)) return s;
            }
        }

        @Override
        public void close() {
            thread.interrupt();
        }
    }

    @TempDir Path keys;
    Sessions sessions;
    Caller sysop;
    String token;
    Feed feed;
    HttpClient client;
    TestServer server;

    @BeforeEach
    void setUp() {
        sessions = new Sessions(keys);
        sysop = sessions.open("root-of-all", Role.SYSOP);
        token = sessions.accessToken(sysop);
        feed = new Feed();
        client = HttpClient.newHttpClient();
    }

    @AfterEach
    void tearDown() {
        client.shutdownNow();
        if (server != null) server.close();
    }

    TestServer server(Duration heartbeat, Duration stall) {
        server = TestServer.start(new FeedStreamRoutes(feed, sessions.authentication, heartbeat, stall));
        return server;
    }

    TestServer server() {
        return server(Duration.ofSeconds(15), Duration.ofSeconds(60));
    }

    Reader open(String query, String... headers) throws Exception {
        var request = HttpRequest.newBuilder(server.uri(FeedStreamRoutes.PATH + query)).header("Authorization", bearer(token));
        if (headers.length > 0) request.headers(headers);
        var response = client.send(request.GET().build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        return new Reader(response);
    }

    @Test
    void catches_up_then_follows_live_each_event_a_message_with_the_feed_s_item_as_data() throws Exception {
        feed.append("AccountRegistered", "account-1", STORED);
        feed.append("ChatMessageSent", "chatroom-2", "{\"text\":{\"personal\":\"hi\"}}");
        server();
        try (var reader = open("")) {
            assertThat(reader.response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/event-stream"));
            assertThat(reader.response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            var first = reader.message();
            assertThat(first.id()).isEqualTo("1");
            assertThat(first.event()).isEqualTo("AccountRegistered");
            // the same JSON as the paged feed, its stored data as stored (a line break in it is split over data lines)
            assertThat(first.data()).isEqualTo("{\"position\":1,\"id\":\"" + feed.items.get(0).id() + "\",\"type\":\"AccountRegistered\","
                    + "\"schemaVersion\":1,\"stream\":\"account-1\",\"version\":0,\"occurredAt\":\"2025-03-01T20:00:00.123Z\","
                    + "\"actor\":{\"kind\":\"user\",\"id\":\"u1\",\"handle\":\"alice\"},"
                    + "\"origin\":{\"channel\":\"web\",\"address\":\"192.0.2.7\",\"sessionId\":null},"
                    + "\"correlationId\":\"01958f2e-0000-7000-8000-00000000000c\",\"causationId\":null,\"data\":" + STORED + "}");
            assertThat(reader.message().id()).isEqualTo("2");
            feed.append("ChatMessageSent", "chatroom-2", "{}");
            var live = reader.message();
            assertThat(live.id()).isEqualTo("3");
            assertThat(live.event()).isEqualTo("ChatMessageSent");
        }
        assertThat(feed.after.get()).isZero();
    }

    @Test
    void resumes_after_last_event_id_or_the_after_query_the_header_winning() throws Exception {
        for (int i = 0; i < 5; i++) feed.append("ChatMessageSent", "chatroom-2", "{}");
        server();
        try (var reader = open("", "Last-Event-ID", "3")) {
            assertThat(reader.message().id()).isEqualTo("4");
            assertThat(reader.message().id()).isEqualTo("5");
        }
        try (var reader = open("?after=1")) {
            assertThat(reader.message().id()).isEqualTo("2");
        }
        try (var reader = open("?after=1", "Last-Event-ID", "4")) {
            assertThat(reader.message().id()).isEqualTo("5");
        }
    }

    @Test
    void filters_by_type_and_category() throws Exception {
        feed.append("ChatMessageSent", "chatroom-2", "{}");
        feed.append("MessagePosted", "thread-2", "{}");
        feed.append("PluginEnabled", "plugin-1", "{}");
        feed.append("ChatJoined", "chatroom-2", "{}");
        server();
        try (var reader = open("?types=ChatMessageSent,PluginEnabled,MessagePosted&categories=chatroom&categories=plugin")) {
            assertThat(reader.message().id()).isEqualTo("1");
            assertThat(reader.message().id()).isEqualTo("3");
            feed.append("ChatMessageSent", "chatroom-9", "{}");
            assertThat(reader.message().id()).isEqualTo("5");
        }
        assertThat(feed.filter.get()).isEqualTo(new FeedFilter(Set.of("ChatMessageSent", "PluginEnabled", "MessagePosted"),
                Set.of("chatroom", "plugin")));
    }

    @Test
    void says_keep_alive_when_quiet() throws Exception {
        server(Duration.ofMillis(100), Duration.ofSeconds(5));
        try (var reader = open("")) {
            assertThat(reader.comment(": keep-alive")).isEqualTo(": keep-alive");
            assertThat(reader.comment(": keep-alive")).isEqualTo(": keep-alive");
        }
    }

    @Test
    void a_stream_whose_session_ends_stops_at_the_next_heartbeat() throws Exception {
        server(Duration.ofMillis(100), Duration.ofSeconds(5));
        try (var reader = open("")) {
            reader.comment(": keep-alive");
            sessions.end(sysop);
            assertThat(feed.closed.await(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void refusals_are_problems_before_the_stream_starts() {
        server();
        assertProblem(server.get(FeedStreamRoutes.PATH), 401, "unauthorized");
        var member = sessions.open("alice", Role.MEMBER);
        assertProblem(server.get(FeedStreamRoutes.PATH, "Authorization", bearer(sessions.accessToken(member))), 403, "forbidden");
        for (var query : new String[] {"?after=abc", "?after=-1", "?types=chat-message", "?types=A,b", "?categories=Chatroom",
                "?categories=chat%00room"}) {
            var problem = assertProblem(server.get(FeedStreamRoutes.PATH + query, "Authorization", bearer(token)), 400, "validation-failed");
            assertThat(problem.path("field").asText()).as(query).isEqualTo(query.substring(1, query.indexOf('=')));
        }
        var header = assertProblem(server.get(FeedStreamRoutes.PATH, "Authorization", bearer(token), "Last-Event-ID", "x1"),
                400, "validation-failed");
        assertThat(header.path("field").asText()).isEqualTo("Last-Event-ID");
        feed.refusal = new RateLimited(Duration.ofSeconds(5));
        var tooMany = server.get(FeedStreamRoutes.PATH, "Authorization", bearer(token));
        assertProblem(tooMany, 429, "rate-limited");
        assertThat(tooMany.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(feed.open.get()).isZero();
    }

    @Test
    void a_client_that_stops_reading_is_cut_off_and_its_stream_given_back() throws Exception {
        var big = "{\"text\":\"" + "x".repeat(16 * 1024) + "\"}";
        for (int i = 0; i < 3_000; i++) feed.append("ChatMessageSent", "chatroom-2", big);   // ~48 MiB: more than any buffer
        server(Duration.ofMillis(200), Duration.ofMillis(800));
        try (var socket = new Socket()) {
            socket.setReceiveBufferSize(4 * 1024);
            socket.connect(new InetSocketAddress("127.0.0.1", server.uri("/").getPort()));
            socket.getOutputStream().write(("GET " + FeedStreamRoutes.PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: "
                    + bearer(token) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            var status = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            assertThat(status).isEqualTo("HTTP/1.1 200 OK");
            // and then reads nothing more: the server's write blocks, and after the stall limit the stream ends
            assertThat(feed.closed.await(20, TimeUnit.SECONDS)).as("the stream ended").isTrue();
            assertThat(feed.open.get()).isZero();
        }
    }
}
