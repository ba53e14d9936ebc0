package dev.scrollback.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.fasterxml.jackson.databind.JsonNode;
import dev.scrollback.adapters.web.WebServer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 5 item 4 (decision 0013): two instances on loopback share the PostgreSQL event store and a Redis (both must be
 * running: fails, never skips). Instance A is a child JVM, B runs in this one. Callers on A and B see each other in
 * who's online on both, with what each is doing; mail written on A reaches a socket on B at once; then A is killed
 * (SIGKILL: no shutdown, no withdrawal) and B ends A's sessions with reason {@code instance_lost} within a bounded time,
 * once, and who's online on B forgets them — while B's own callers stay.
 */
class SeveralInstancesEndToEndTest {
    static final String PG = "jdbc:postgresql://127.0.0.1:5432/test";
    static final String REDIS = "redis://127.0.0.1:6379/0";

    @TempDir
    Path data;

    final String schema = "e2e_instances_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    final String prefix = "scrollback-e2e:" + UUID.randomUUID() + ":";

    Map<String, String> settings(Path dataDirectory) {
        var settings = new HashMap<String, String>();
        settings.put("SCROLLBACK_DATA_DIR", dataDirectory.toString());
        settings.put("SCROLLBACK_TELNET_PORT", "0");
        settings.put("SCROLLBACK_HTTP_PORT", "0");
        settings.put("SCROLLBACK_TELNET_HOST", "127.0.0.1");
        settings.put("SCROLLBACK_HTTP_HOST", "127.0.0.1");
        settings.put("SCROLLBACK_SYSOP_HANDLE", TestBbs.SYSOP);
        settings.put("SCROLLBACK_SYSOP_PASSWORD", TestBbs.SYSOP_PASSWORD);
        settings.put("SCROLLBACK_DB_URL", PG + "?currentSchema=" + schema);
        settings.put("SCROLLBACK_DB_USER", "postgres");
        settings.put("SCROLLBACK_REDIS_URL", REDIS);
        settings.put("SCROLLBACK_REDIS_PREFIX", prefix);
        return settings;
    }

    @Test
    void callers_on_two_instances_meet_and_when_one_instance_dies_the_other_ends_its_sessions() throws Exception {
        sql("CREATE SCHEMA " + schema);
        var dataA = data.resolve("a");
        var a = ChildServer.start(settings(dataA));
        ConfigurableApplicationContext b = null;
        try {
            var webA = new Http(ChildServer.httpPortOnceReady(a, "instance A"));
            TestBbs.signUp(webA, dataA, "Amiga", "amiga@example.test");
            TestBbs.signUp(webA, dataA, "Bbsfan", "bbsfan@example.test");
            var amiga = webA.logIn("Amiga", TestBbs.PASSWORD);                   // a session on A before B starts
            var amigasSession = JWT.decode(amiga).getClaim("sid").asString();
            // B starts while A serves Amiga: B's start-up must not take her session for one a crash left open.

            b = ScrollbackApplication.serve(new HashMap<>(settings(data.resolve("b"))));
            var onB = new TestBbs(b, data.resolve("b"), new Http(b.getBean(WebServer.class).port()));
            var webB = onB.web();
            assertThat(webB.get("/health/ready").body().get("checks").get("redis").asBoolean()).isTrue();
            var bbsfan = webB.logIn("Bbsfan", TestBbs.PASSWORD);
            var bbsfansSession = JWT.decode(bbsfan).getClaim("sid").asString();
            var socket = LiveEventsEndToEndTest.Client.connect(onB, "?access_token=" + bbsfan, null, null);
            socket.until(frame -> frame.path("type").asText().equals("CaughtUp"));

            // Both callers on both instances; what a caller on the other instance is doing comes through Redis.
            for (var view : List.of(webA.get("/api/v1/presence", amiga), webB.get("/api/v1/presence", bbsfan))) {
                assertThat(view.status()).isEqualTo(200);
            }
            var seenOnA = WalkingSkeletonEndToEndTest.untilTrue(() -> {
                var online = webA.get("/api/v1/presence", amiga).body().get("online");
                return handles(online).containsAll(List.of("Amiga", "Bbsfan"))
                        && entry(online, "Bbsfan").path("doing").asText().equals("on the web") ? online.toString() : "";
            });
            System.out.println("who's online on A: " + seenOnA);
            var seenOnB = WalkingSkeletonEndToEndTest.untilTrue(() -> {
                var online = webB.get("/api/v1/presence", bbsfan).body().get("online");
                return handles(online).containsAll(List.of("Amiga", "Bbsfan"))
                        && entry(online, "Amiga").path("doing").asText().equals("on the web") ? online.toString() : "";
            });
            System.out.println("who's online on B: " + seenOnB);

            // Mail written on A reaches Bbsfan's socket on B, told through Redis rather than found at B's next poll.
            long sent = System.nanoTime();
            assertThat(webA.post("/api/v1/mail", Map.of("to", "Bbsfan", "subject", "Hi", "body", "From the other node"),
                    amiga).status()).isEqualTo(201);
            var mail = socket.until(frame -> frame.path("type").asText().equals("PrivateMessageSent"));
            long mailMillis = Duration.ofNanos(System.nanoTime() - sent).toMillis();
            assertThat(mail.at("/data/senderHandle").asText()).isEqualTo("Amiga");
            System.out.println("mail on A -> socket on B: " + mailMillis + " ms (post included)");

            // Rate limits are one allowance across instances (SPEC §5): five pages a minute, wherever they are sent.
            // (Bbsfan pages, not Amiga: a session that makes requests on B is served by B too, and Amiga's must not be.)
            for (int i = 0; i < 5; i++) {
                var web = i % 2 == 0 ? webA : webB;
                assertThat(web.post("/api/v1/pages", Map.of("to", "Amiga", "text", "ping " + i), bbsfan).status())
                        .as("page " + i).isEqualTo(201);
            }
            for (var web : List.of(webA, webB)) {
                assertThat(web.post("/api/v1/pages", Map.of("to", "Amiga", "text", "one too many"), bbsfan).status())
                        .isEqualTo(429);
            }

            // A dies: no shutdown hook, no SessionEnded of its own, its keys left to expire.
            a.destroyForcibly();
            assertThat(a.waitFor(30, TimeUnit.SECONDS)).isTrue();
            long killed = System.nanoTime();
            var sysop = onB.sysop();
            // Every request here comes from 127.0.0.1, and both instances count them in one allowance (300 a minute).
            var endings = WalkingSkeletonEndToEndTest.untilTrue(Duration.ofMillis(500), () -> {
                var ended = endingsOf(WalkingSkeletonEndToEndTest.readFeed(webB, sysop), amigasSession);
                return ended.isEmpty() ? "" : ended.toString();
            });
            long detectedMillis = Duration.ofNanos(System.nanoTime() - killed).toMillis();
            System.out.println("A killed -> SessionEnded(instance_lost) recorded by B: " + detectedMillis + " ms");
            assertThat(detectedMillis).as("heartbeat TTL 10 s + one 3 s round, with slack").isLessThan(20_000);

            Thread.sleep(4_000);                           // another round: nobody ends it twice
            var feed = WalkingSkeletonEndToEndTest.readFeed(webB, sysop);
            var ended = endingsOf(feed, amigasSession);
            assertThat(ended).as(endings).hasSize(1);
            assertThat(ended.getFirst().at("/data/reason").asText()).isEqualTo("instance_lost");
            assertThat(ended.getFirst().at("/actor/kind").asText()).isEqualTo("system");
            assertThat(endingsOf(feed, bbsfansSession)).as("B's own caller stays").isEmpty();
            var online = webB.get("/api/v1/presence", bbsfan).body().get("online");
            assertThat(handles(online)).doesNotContain("Amiga").contains("Bbsfan", TestBbs.SYSOP);
            assertThat(webB.get("/api/v1/me", bbsfan).status()).isEqualTo(200);
            socket.close();

            b.close();                                     // graceful: B withdraws at once; A's list stays until it expires
            b = null;
            assertThat(keys("instance:*")).as("no heartbeat left").isEmpty();
            assertThat(keys("presence:*")).hasSize(1);
        } finally {
            a.destroyForcibly();
            if (b != null) b.close();
            cleanUp();
        }
    }

    private static List<String> handles(JsonNode online) {
        return StreamSupport.stream(online.spliterator(), false).map(o -> o.get("handle").asText()).toList();
    }

    private static JsonNode entry(JsonNode online, String handle) {
        return StreamSupport.stream(online.spliterator(), false).filter(o -> o.get("handle").asText().equals(handle))
                .findFirst().orElseThrow();
    }

    private static List<JsonNode> endingsOf(List<JsonNode> feed, String session) {
        return feed.stream().filter(e -> e.get("type").asText().equals("SessionEnded"))
                .filter(e -> e.get("stream").asText().equals("session-" + session)).toList();
    }

    private List<String> keys(String pattern) {
        var client = RedisClient.create(REDIS);
        try (var connection = client.connect()) {
            return connection.sync().keys(prefix + pattern);
        } finally {
            client.shutdown();
        }
    }

    private void cleanUp() throws Exception {
        var client = RedisClient.create(REDIS);
        try (var connection = client.connect()) {
            var redis = connection.sync();
            var cursor = ScanCursor.INITIAL;
            do {
                var page = redis.scan(cursor, ScanArgs.Builder.matches(prefix + "*").limit(500));
                if (!page.getKeys().isEmpty()) redis.del(page.getKeys().toArray(String[]::new));
                cursor = page;
            } while (!cursor.isFinished());
        } finally {
            client.shutdown();
            sql("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    private static void sql(String statement) throws Exception {
        try (var admin = DriverManager.getConnection(PG, "postgres", ""); var s = admin.createStatement()) {
            s.execute(statement);
        }
    }
}
