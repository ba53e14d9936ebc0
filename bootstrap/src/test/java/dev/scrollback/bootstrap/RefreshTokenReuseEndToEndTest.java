package dev.scrollback.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scrollback.adapters.web.WebServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 3, items 5 and 11 (refresh tokens): each refresh token works once and rotates; presenting a used one again
 * revokes the whole family — the session ends ({@code token_reuse}) and every token issued for it dies at once.
 */
class RefreshTokenReuseEndToEndTest {
    static final String SYSOP = WalkingSkeletonEndToEndTest.SYSOP;
    static final String PASSWORD = WalkingSkeletonEndToEndTest.SYSOP_PASSWORD;

    @TempDir
    Path data;

    static String sessionOf(String jwt) throws Exception {
        var payload = Base64.getUrlDecoder().decode(jwt.split("\\.")[1]);
        return new ObjectMapper().readTree(new String(payload, StandardCharsets.UTF_8)).get("sid").asText();
    }

    @Test
    void replaying_a_used_refresh_token_ends_the_session_and_kills_every_token_of_it() throws Exception {
        try (var app = WalkingSkeletonEndToEndTest.start(data)) {
            var web = new Http(app.getBean(WebServer.class).port());
            var login = web.post("/api/v1/sessions", Map.of("handle", SYSOP, "password", PASSWORD));
            assertThat(login.status()).isEqualTo(201);
            var firstRefresh = login.body().get("refreshToken").asText();
            var session = sessionOf(firstRefresh);

            var rotated = web.post("/api/v1/sessions/refresh", Map.of("refreshToken", firstRefresh));
            assertThat(rotated.status()).isEqualTo(200);
            var newest = web.post("/api/v1/sessions/refresh", Map.of("refreshToken", rotated.body().get("refreshToken").asText()));
            assertThat(newest.status()).isEqualTo(200);
            var newestAccess = newest.body().get("accessToken").asText();
            assertThat(web.get("/api/v1/me", newestAccess).status()).isEqualTo(200);

            var replay = web.post("/api/v1/sessions/refresh", Map.of("refreshToken", firstRefresh));
            assertThat(replay.status()).isEqualTo(401);
            assertThat(replay.body().get("detail").asText()).contains("already used");

            assertThat(web.get("/api/v1/me", newestAccess).status()).as("the newest access token").isEqualTo(401);
            assertThat(web.get("/api/v1/me", login.body().get("accessToken").asText()).status()).isEqualTo(401);
            assertThat(web.post("/api/v1/sessions/refresh", Map.of("refreshToken", newest.body().get("refreshToken").asText()))
                    .status()).as("the newest refresh token").isEqualTo(401);

            var feed = WalkingSkeletonEndToEndTest.readFeed(web, web.logIn(SYSOP, PASSWORD));
            assertThat(feed).filteredOn(e -> e.get("type").asText().equals("SessionRefreshed")
                            && e.get("data").get("session").asText().equals(session))
                    .extracting(e -> e.get("data").get("generation").asLong()).containsExactly(1L, 2L);
            assertThat(feed).filteredOn(e -> e.get("type").asText().equals("SessionEnded")
                            && e.get("data").get("session").asText().equals(session))
                    .singleElement().satisfies(e -> {
                        assertThat(e.get("data").get("reason").asText()).isEqualTo("token_reuse");
                        assertThat(e.get("actor").get("kind").asText()).isEqualTo("system");
                    });
        }
    }
}
