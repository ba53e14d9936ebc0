package dev.scrollback.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.adapters.web.WebServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 3, item 7 (API keys), through the real application: a key is shown once and works at once as a bearer
 * credential within its scopes and its account's roles; it cannot manage keys or the password; revoked, it stops at
 * once; the key never reaches the feed or the store; hostile headers are 401s, never 500s.
 */
class ApiKeysEndToEndTest {
    static final String SYSOP = WalkingSkeletonEndToEndTest.SYSOP;
    static final String MEMBER_PASSWORD = "quiet evenings on the modem line";
    static final String MARKER = "feed reader e2e marker";

    @TempDir
    Path data;

    @Test
    void a_scoped_key_reads_the_feed_until_it_is_revoked_and_never_leaves_the_server() throws Exception {
        var secrets = new ArrayList<String>();
        try (var app = WalkingSkeletonEndToEndTest.start(data)) {
            int port = app.getBean(WebServer.class).port();
            var web = new Http(port);
            var root = web.logIn(SYSOP, WalkingSkeletonEndToEndTest.SYSOP_PASSWORD);

            var reader = web.post("/api/v1/me/api-keys", Map.of("name", MARKER, "scopes", List.of("events:read")), root);
            assertThat(reader.status()).as(reader.toString()).isEqualTo(201);
            var readerKey = reader.body().get("key").asText();
            var readerId = reader.body().get("id").asText();
            assertThat(readerKey).startsWith("sbk_");
            assertThat(reader.body().get("scopes").toString()).isEqualTo("[\"events:read\"]");
            secrets.add(readerKey);

            var feedPage = web.get("/api/v1/events?after=0&limit=1000", readerKey);
            assertThat(feedPage.status()).as("at once, no waiting for a projection").isEqualTo(200);
            assertThat(feedPage.body().get("events").size()).isPositive();

            var admin = web.post("/api/v1/me/api-keys", Map.of("name", "admin robot", "scopes", List.of("admin")), root);
            assertThat(admin.status()).isEqualTo(201);
            var adminKey = admin.body().get("key").asText();
            secrets.add(adminKey);
            var noScope = web.get("/api/v1/events", adminKey);
            assertThat(noScope.status()).as("a sysop's key without events:read").isEqualTo(403);
            assertThat(noScope.body().get("detail").asText()).contains("events:read");

            assertThat(web.get("/api/v1/me/api-keys", readerKey).status()).as("a key lists no keys").isEqualTo(403);
            var minted = web.post("/api/v1/me/api-keys", Map.of("name", "child", "scopes", List.of("events:read")), adminKey);
            assertThat(minted.status()).as("a key makes no keys").isEqualTo(403);
            assertThat(minted.body().get("detail").asText()).contains("interactive login");
            assertThat(web.delete("/api/v1/me/api-keys/" + readerId, adminKey).status()).as("a key revokes no keys").isEqualTo(403);
            assertThat(web.post("/api/v1/me/password", Map.of("currentPassword", WalkingSkeletonEndToEndTest.SYSOP_PASSWORD,
                    "newPassword", "a completely different passphrase"), adminKey).status()).as("nor changes the password").isEqualTo(403);
            assertThat(web.get("/api/v1/me/sessions", adminKey).status()).isEqualTo(403);
            assertThat(web.delete("/api/v1/sessions/current", adminKey).status()).isEqualTo(403);
            assertThat(web.logIn(SYSOP, WalkingSkeletonEndToEndTest.SYSOP_PASSWORD)).as("the password is unchanged").isNotEmpty();
            var me = web.get("/api/v1/me", readerKey);
            assertThat(me.status()).isEqualTo(200);
            assertThat(me.body().get("handle").asText()).isEqualTo(SYSOP);

            var listed = web.get("/api/v1/me/api-keys", root);
            assertThat(listed.status()).isEqualTo(200);
            assertThat(listed.body().get("apiKeys")).extracting(k -> k.get("name").asText()).containsExactly("admin robot", MARKER);
            assertThat(listed.body().get("apiKeys")).allSatisfy(k -> assertThat(k.has("key")).isFalse());
            assertThat(listed.toString()).doesNotContain(readerKey).doesNotContain(adminKey);

            // A member's admin key grants nothing a member lacks.
            assertThat(web.post("/api/v1/accounts", Map.of("handle", "Webby", "email", "webby@example.test",
                    "password", MEMBER_PASSWORD)).status()).isEqualTo(201);
            assertThat(web.post("/api/v1/accounts/verify", Map.of("handle", "Webby",
                    "code", Outbox.codeFor(data, "webby@example.test"))).status()).isEqualTo(200);
            var webby = web.logIn("Webby", MEMBER_PASSWORD);
            var webbyKey = web.post("/api/v1/me/api-keys", Map.of("name", "wishful", "scopes",
                    List.of("admin", "events:read", "audit:read")), webby).body().get("key").asText();
            secrets.add(webbyKey);
            assertThat(web.get("/api/v1/events", webbyKey).status()).isEqualTo(403);
            assertThat(web.post("/api/v1/admin/users/webby/roles/sysop", Map.of(), webbyKey).status()).isEqualTo(403);
            assertThat(web.delete("/api/v1/me/api-keys/" + readerId, webby).status()).as("not Webby's key").isEqualTo(404);
            assertThat(web.get("/api/v1/events", readerKey).status()).as("and still live").isEqualTo(200);

            assertThat(web.delete("/api/v1/me/api-keys/" + readerId, root).status()).isEqualTo(204);
            var revoked = web.get("/api/v1/events", readerKey);
            assertThat(revoked.status()).as("revoked: at once").isEqualTo(401);
            assertThat(revoked.body().get("detail").asText()).contains("revoked");
            assertThat(web.delete("/api/v1/me/api-keys/" + readerId, root).status()).as("again: no change").isEqualTo(204);
            var afterRevoke = web.get("/api/v1/me/api-keys", root).body().get("apiKeys");
            assertThat(afterRevoke).filteredOn(k -> k.get("id").asText().equals(readerId))
                    .singleElement().satisfies(k -> {
                        assertThat(k.get("live").asBoolean()).isFalse();
                        assertThat(k.get("revokedAt").isNull()).isFalse();
                    });

            hostileHeadersAre401s(port, readerKey);
            assertThat(web.get("/api/v1/me", adminKey).status()).as("the server carries on").isEqualTo(200);

            var feed = WalkingSkeletonEndToEndTest.readFeed(web, root);
            var issued = feed.stream().filter(e -> e.get("type").asText().equals("ApiKeyIssued")).toList();
            assertThat(issued).hasSize(3);
            var first = issued.getFirst();
            assertThat(first.get("stream").asText()).isEqualTo("apikey-" + readerId);
            assertThat(first.get("actor").get("handle").asText()).isEqualTo(SYSOP);
            assertThat(first.get("origin").get("channel").asText()).isEqualTo("web");
            assertThat(first.get("origin").get("sessionId").isNull()).isFalse();
            assertThat(first.get("data").has("hash")).as("the digest is a stored secret").isFalse();
            assertThat(first.get("data").get("scopes").size()).isEqualTo(1);
            var revocations = feed.stream().filter(e -> e.get("type").asText().equals("ApiKeyRevoked")).toList();
            assertThat(revocations).singleElement().satisfies(e -> {
                assertThat(e.get("stream").asText()).isEqualTo("apikey-" + readerId);
                assertThat(e.get("actor").get("handle").asText()).isEqualTo(SYSOP);
                assertThat(e.get("data").get("reason").asText()).isEqualTo("owner");
            });
            var feedText = feed.toString();
            for (var secret : secrets) assertThat(feedText).doesNotContain(secretPart(secret));
        }

        var stored = storedText(data);
        assertThat(stored).as("the store can be read for this check").contains(MARKER);
        for (var secret : secrets) assertThat(stored).doesNotContain(secretPart(secret));
    }

    /** The random part of a key (after the id): what must never be kept. */
    static String secretPart(String key) {
        return key.substring(key.lastIndexOf('_') + 1);
    }

    private static void hostileHeadersAre401s(int port, String revokedKey) throws Exception {
        var client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        var validShape = revokedKey.substring(0, revokedKey.lastIndexOf('_') + 1) + "a".repeat(52);
        for (var header : List.of("Bearer sbk_", "Bearer sbk_" + "x".repeat(5000), "Bearer " + validShape,
                "Bearer sbk_" + revokedKey.substring(4).toUpperCase(), "Bearer  " + "sbk_%00%0d%0a",
                "Basic " + revokedKey, "Token " + revokedKey, "Bearer garbage", "Bearer eyJ.eyJ.sig", "Bearer")) {
            var response = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/events"))
                    .header("Authorization", header).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(header.substring(0, Math.min(40, header.length()))).isEqualTo(401);
            assertThat(response.body()).contains("unauthorized");
        }
        int huge;
        try {
            huge = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/events"))
                    .header("Authorization", "Bearer sbk_" + "y".repeat(200_000)).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (IOException closedByServer) {
            huge = 431;                                          // Jetty may hang up on a header past its limit
        }
        assertThat(huge).as("a header past Jetty's limit").isBetween(400, 499);
    }

    private static String storedText(Path data) throws IOException {
        var text = new StringBuilder();
        try (Stream<Path> files = Files.walk(data)) {
            for (var file : files.filter(Files::isRegularFile).toList()) {
                text.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).append('\n');
            }
        }
        return text.toString();
    }
}
