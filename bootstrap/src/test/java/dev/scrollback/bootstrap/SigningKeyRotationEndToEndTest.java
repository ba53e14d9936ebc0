package dev.scrollback.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.fasterxml.jackson.databind.JsonNode;
import dev.scrollback.adapters.web.WebServer;
import dev.scrollback.application.shared.ControlledClock;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 3, item 5 (decision 0008): token signing keys rotate on demand and on a schedule without logging anyone out;
 * every rotation is in the feed with its actor; instances sharing the database share the keys.
 */
class SigningKeyRotationEndToEndTest {
    static final String SYSOP = WalkingSkeletonEndToEndTest.SYSOP;
    static final String SYSOP_PASSWORD = WalkingSkeletonEndToEndTest.SYSOP_PASSWORD;
    static final String MEMBER_PASSWORD = "quiet evenings on the modem line";
    static final String PG = "jdbc:postgresql://127.0.0.1:5432/test";

    @TempDir
    Path data;

    final ControlledClock clock = ControlledClock.at("2031-05-01T12:00:00Z");

    static Map<String, Object> settings(Path data) {
        var settings = new HashMap<String, Object>(Map.of(
                "SCROLLBACK_DATA_DIR", data.toString(), "SCROLLBACK_TELNET_PORT", "0", "SCROLLBACK_HTTP_PORT", "0",
                "SCROLLBACK_TELNET_HOST", "127.0.0.1", "SCROLLBACK_HTTP_HOST", "127.0.0.1",
                "SCROLLBACK_SYSOP_HANDLE", SYSOP, "SCROLLBACK_SYSOP_PASSWORD", SYSOP_PASSWORD));
        return settings;
    }

    static List<String> jwksKids(Http web) throws Exception {
        var answer = web.get("/.well-known/jwks.json");
        assertThat(answer.status()).isEqualTo(200);
        var kids = new ArrayList<String>();
        answer.body().get("keys").forEach(k -> kids.add(k.get("kid").asText()));
        return kids;
    }

    static String kidOf(String token) {
        return JWT.decode(token).getKeyId();
    }

    static Http.Answer logIn(Http web, String handle, String password) throws Exception {
        var answer = web.post("/api/v1/sessions", Map.of("handle", handle, "password", password));
        assertThat(answer.status()).as("login of %s", handle).isEqualTo(201);
        return answer;
    }

    @Test
    void a_sysop_rotates_on_demand_the_schedule_rotates_when_due_and_nobody_is_logged_out() throws Exception {
        try (var app = ScrollbackApplication.serve(settings(data), clock)) {
            var web = new Http(app.getBean(WebServer.class).port());
            var login = logIn(web, SYSOP, SYSOP_PASSWORD);
            var access = login.body().get("accessToken").asText();
            var refresh = login.body().get("refreshToken").asText();
            var first = kidOf(access);
            assertThat(jwksKids(web)).containsExactly(first);

            assertThat(web.post("/api/v1/accounts", Map.of("handle", "Webby", "email", "webby@example.test",
                    "password", MEMBER_PASSWORD)).status()).isEqualTo(201);
            assertThat(web.post("/api/v1/accounts/verify", Map.of("handle", "Webby",
                    "code", Outbox.codeFor(data, "webby@example.test"))).status()).isEqualTo(200);
            var webby = logIn(web, "Webby", MEMBER_PASSWORD).body().get("accessToken").asText();
            assertThat(web.post("/api/v1/admin/signing-keys/rotate", Map.of(), webby).status()).as("a member rotates nothing")
                    .isEqualTo(403);
            assertThat(web.get("/api/v1/admin/signing-keys", webby).status()).isEqualTo(403);
            assertThat(web.post("/api/v1/admin/signing-keys/rotate", Map.of()).status()).isEqualTo(401);

            clock.advance(Duration.ofMinutes(1));
            var rotated = web.post("/api/v1/admin/signing-keys/rotate", Map.of(), access);
            assertThat(rotated.status()).isEqualTo(201);
            var second = rotated.body().get("kid").asText();
            assertThat(second).isNotEqualTo(first);
            assertThat(rotated.body().get("previousKid").asText()).isEqualTo(first);

            assertThat(web.get("/api/v1/me", access).status()).as("the access token from before still works").isEqualTo(200);
            assertThat(web.get("/api/v1/me", webby).status()).isEqualTo(200);
            assertThat(jwksKids(web)).containsExactly(second, first);
            var refreshed = web.post("/api/v1/sessions/refresh", Map.of("refreshToken", refresh));
            assertThat(refreshed.status()).as("the refresh token from before still works").isEqualTo(200);
            access = refreshed.body().get("accessToken").asText();
            assertThat(kidOf(access)).as("new tokens are signed with the new key").isEqualTo(second);
            assertThat(kidOf(refreshed.body().get("refreshToken").asText())).isEqualTo(second);

            var listed = web.get("/api/v1/admin/signing-keys", access);
            assertThat(listed.status()).isEqualTo(200);
            var keys = listed.body().get("keys");
            assertThat(keys).hasSize(2);
            assertThat(keys.get(0).get("kid").asText()).isEqualTo(first);
            assertThat(keys.get(0).get("state").asText()).isEqualTo("verifying");
            assertThat(keys.get(0).get("verifiesUntil").asText()).isEqualTo("2031-05-31T12:11:00Z");
            assertThat(keys.get(1).get("state").asText()).isEqualTo("signing");
            assertThat(listed.body().toString()).doesNotContainIgnoringCase("private").doesNotContain("\"d\"");

            // A month later the schedule rotates; the first key's tokens have all expired (10 minutes' margin later).
            var schedule = app.getBean(SigningKeySchedule.class);
            assertThat(schedule.isRunning()).isTrue();
            clock.advance(Duration.ofDays(30).minusSeconds(1));     // the second key signed from 12:01
            schedule.tick();
            assertThat(jwksKids(web)).as("not due yet").containsExactly(second, first);
            clock.advance(Duration.ofSeconds(1));
            schedule.tick();
            var kids = jwksKids(web);
            var third = kids.getFirst();
            assertThat(kids).as("newest first").containsExactly(third, second, first);
            access = logIn(web, SYSOP, SYSOP_PASSWORD).body().get("accessToken").asText();
            assertThat(kidOf(access)).isEqualTo(third);
            clock.advance(Duration.ofMinutes(11));
            schedule.tick();
            assertThat(jwksKids(web)).containsExactly(third, second);

            var feed = WalkingSkeletonEndToEndTest.readFeed(web, access);
            var rotations = feed.stream().filter(e -> e.get("type").asText().equals("SigningKeyRotated")).toList();
            assertThat(rotations).extracting(e -> e.get("data").get("reason").asText())
                    .containsExactly("initial", "on_demand", "scheduled");
            assertThat(rotations).extracting(e -> e.get("actor").get("kind").asText()).containsExactly("system", "user", "system");
            assertThat(rotations.get(1).get("actor").get("handle").asText()).isEqualTo(SYSOP);
            assertThat(rotations.get(1).get("origin").get("channel").asText()).isEqualTo("web");
            assertThat(text(rotations.get(1).get("data").get("key"))).isEqualTo(second);
            assertThat(text(rotations.get(1).get("data").get("previous"))).isEqualTo(first);
            assertThat(feed).filteredOn(e -> e.get("type").asText().equals("SigningKeyRetired")).singleElement()
                    .satisfies(e -> assertThat(text(e.get("data").get("key"))).isEqualTo(first));
            assertThat(feed.toString()).as("no key material in the log").doesNotContain("BEGIN").doesNotContain("privateKey");
        }
    }

    @Test
    void an_upgrade_imports_the_key_file_so_tokens_signed_before_it_keep_working() throws Exception {
        var keys = data.resolve("keys");
        var before = dev.scrollback.adapters.web.accounts.TokenIssuer.loadOrCreate(keys, "http://localhost:8080", clock,
                Duration.ofMinutes(15), Duration.ofDays(30));
        try (var app = ScrollbackApplication.serve(settings(data), clock)) {
            var web = new Http(app.getBean(WebServer.class).port());
            assertThat(jwksKids(web)).containsExactly(before.keyId());
            assertThat(kidOf(logIn(web, SYSOP, SYSOP_PASSWORD).body().get("accessToken").asText())).isEqualTo(before.keyId());
        }
    }

    @Test
    void two_instances_on_one_postgresql_share_the_keys_and_accept_each_others_tokens() throws Exception {
        var schema = "e2e_keys_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (var admin = DriverManager.getConnection(PG, "postgres", ""); var statement = admin.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        }
        try (var one = start(data.resolve("one"), schema); var two = start(data.resolve("two"), schema)) {
            var webOne = new Http(one.getBean(WebServer.class).port());
            var webTwo = new Http(two.getBean(WebServer.class).port());
            assertThat(jwksKids(webOne)).as("one first key for both").isEqualTo(jwksKids(webTwo)).hasSize(1);
            var onOne = logIn(webOne, SYSOP, SYSOP_PASSWORD).body();
            assertThat(webTwo.get("/api/v1/me", onOne.get("accessToken").asText()).status()).isEqualTo(200);

            var rotated = webOne.post("/api/v1/admin/signing-keys/rotate", Map.of(), onOne.get("accessToken").asText());
            assertThat(rotated.status()).isEqualTo(201);
            var fresh = logIn(webOne, SYSOP, SYSOP_PASSWORD).body().get("accessToken").asText();
            assertThat(kidOf(fresh)).isEqualTo(rotated.body().get("kid").asText());
            assertThat(webTwo.get("/api/v1/me", fresh).status()).as("a key made on the other instance a moment ago")
                    .isEqualTo(200);
            assertThat(webTwo.post("/api/v1/sessions/refresh", Map.of("refreshToken", onOne.get("refreshToken").asText()))
                    .status()).as("a refresh token from before the rotation, on the other instance").isEqualTo(200);
            assertThat(jwksKids(webTwo)).containsExactlyInAnyOrderElementsOf(jwksKids(webOne)).hasSize(2);
        } finally {
            try (var admin = DriverManager.getConnection(PG, "postgres", ""); var statement = admin.createStatement()) {
                statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    private ConfigurableApplicationContext start(Path dataDirectory, String schema) {
        var settings = settings(dataDirectory);
        settings.put("SCROLLBACK_DB_URL", PG + "?currentSchema=" + schema);
        settings.put("SCROLLBACK_DB_USER", "postgres");
        return ScrollbackApplication.serve(settings, clock);
    }

    /** A key id as the feed writes it. */
    private static String text(JsonNode node) {
        return node.isTextual() ? node.asText() : node.get("value").asText();
    }
}
