package dev.scrollback.bootstrap;

import static dev.scrollback.bootstrap.WalkingSkeletonEndToEndTest.untilTrue;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.adapters.web.WebServer;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two instances share a PostgreSQL store (which must be running: fails, never skips), and both run the webhook
 * dispatcher: the lease lets one at a time deliver the subscription, so every event arrives once, in order — although
 * both look for due subscriptions ten times a second.
 */
class WebhooksOnSeveralInstancesEndToEndTest {
    static final String PG = "jdbc:postgresql://127.0.0.1:5432/test";

    @TempDir
    Path data;

    final String schema = "e2e_webhooks_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    ConfigurableApplicationContext serve(Path directory) {
        var settings = new HashMap<String, Object>(Map.of(
                "SCROLLBACK_DATA_DIR", directory.toString(), "SCROLLBACK_TELNET_PORT", "0", "SCROLLBACK_HTTP_PORT", "0",
                "SCROLLBACK_TELNET_HOST", "127.0.0.1", "SCROLLBACK_HTTP_HOST", "127.0.0.1",
                "SCROLLBACK_SYSOP_HANDLE", TestBbs.SYSOP, "SCROLLBACK_SYSOP_PASSWORD", TestBbs.SYSOP_PASSWORD,
                "SCROLLBACK_DB_URL", PG + "?currentSchema=" + schema, "SCROLLBACK_DB_USER", "postgres"));
        settings.put("SCROLLBACK_WEBHOOK_ALLOW_PRIVATE", "true");
        settings.put("SCROLLBACK_WEBHOOK_POLL", "100ms");
        return ScrollbackApplication.serve(settings);
    }

    @AfterEach
    void dropSchema() throws Exception {
        try (var connection = DriverManager.getConnection(PG, "postgres", ""); var statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    @Test
    void two_instances_deliver_each_event_once_and_in_order() throws Exception {
        try (var connection = DriverManager.getConnection(PG, "postgres", ""); var statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        }
        try (var receiver = new WebhookReceiver(); var a = serve(data.resolve("a")); var b = serve(data.resolve("b"))) {
            var webA = new Http(a.getBean(WebServer.class).port());
            var webB = new Http(b.getBean(WebServer.class).port());
            var sysopA = webA.logIn(TestBbs.SYSOP, TestBbs.SYSOP_PASSWORD);
            var sysopB = webB.logIn(TestBbs.SYSOP, TestBbs.SYSOP_PASSWORD);
            var created = webB.post("/api/v1/admin/webhooks", Map.of("url", receiver.url(),
                    "eventTypes", List.of("ChatMessageSent")), sysopB);
            assertThat(created.status()).isEqualTo(201);
            var secret = created.body().get("secret").asText();
            assertThat(webA.get("/api/v1/admin/webhooks", sysopA).body().get("webhooks")).as("one table for both").hasSize(1);

            var room = WebhooksEndToEndTest.chat(webA, sysopA, "Lobby");
            assertThat(webB.post("/api/v1/chat/rooms/" + room + "/join", Map.of(), sysopB).status()).isEqualTo(200);
            var expected = new java.util.ArrayList<String>();
            for (int i = 0; i < 20; i++) {
                var line = "line " + i;
                WebhooksEndToEndTest.say(i % 2 == 0 ? webA : webB, i % 2 == 0 ? sysopA : sysopB, room, line);
                expected.add(line);
            }
            untilTrue(() -> WebhooksEndToEndTest.texts(receiver.acknowledged()).size() >= 20 ? "all" : "");
            assertThat(WebhooksEndToEndTest.texts(receiver.received)).as("each once, in order").isEqualTo(expected);
            assertThat(receiver.received).extracting(WebhookReceiver.Received::position).isSorted().doesNotHaveDuplicates();
            for (var message : receiver.received) message.verify(secret);
        }
    }
}
