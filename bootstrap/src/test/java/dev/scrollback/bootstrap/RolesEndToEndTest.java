package dev.scrollback.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.adapters.web.WebServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 3, item 8 (roles): a sysop grants and revokes roles over REST. Roles are read from the log on every request,
 * so the change counts from the target's very next request with the token they already hold; each change is in the
 * feed with the sysop as actor.
 */
class RolesEndToEndTest {
    static final String SYSOP = WalkingSkeletonEndToEndTest.SYSOP;
    static final String MEMBER_PASSWORD = "quiet evenings on the modem line";

    @TempDir
    Path data;

    @Test
    void a_granted_sysop_role_opens_the_feed_at_once_and_its_revocation_closes_it_again() throws Exception {
        try (var app = WalkingSkeletonEndToEndTest.start(data)) {
            var web = new Http(app.getBean(WebServer.class).port());
            var root = web.logIn(SYSOP, WalkingSkeletonEndToEndTest.SYSOP_PASSWORD);
            assertThat(web.post("/api/v1/accounts", Map.of("handle", "Webby", "email", "webby@example.test",
                    "password", MEMBER_PASSWORD)).status()).isEqualTo(201);
            assertThat(web.post("/api/v1/accounts/verify", Map.of("handle", "Webby",
                    "code", Outbox.codeFor(data, "webby@example.test"))).status()).isEqualTo(200);
            var webby = web.logIn("Webby", MEMBER_PASSWORD);

            assertThat(web.get("/api/v1/events", webby).status()).as("a member reads no feed").isEqualTo(403);
            assertThat(web.post("/api/v1/admin/users/webby/roles/sysop", Map.of(), webby).status())
                    .as("a member grants nothing").isEqualTo(403);
            assertThat(web.delete("/api/v1/admin/users/" + SYSOP + "/roles/sysop", webby).status()).isEqualTo(403);

            var granted = web.post("/api/v1/admin/users/webby/roles/sysop", Map.of(), root);
            assertThat(granted.status()).isEqualTo(200);
            assertThat(granted.body().get("handle").asText()).isEqualTo("Webby");
            assertThat(granted.body().get("roles").toString()).isEqualTo("[\"sysop\",\"member\"]");
            assertThat(web.get("/api/v1/events", webby).status()).as("the same token, next request").isEqualTo(200);

            var revoked = web.delete("/api/v1/admin/users/webby/roles/sysop", root);
            assertThat(revoked.status()).isEqualTo(200);
            assertThat(revoked.body().get("roles").toString()).isEqualTo("[\"member\"]");
            assertThat(web.get("/api/v1/events", webby).status()).isEqualTo(403);

            assertThat(web.post("/api/v1/admin/users/webby/roles/wizard", Map.of(), root).status()).isEqualTo(400);
            assertThat(web.post("/api/v1/admin/users/nobody/roles/auditor", Map.of(), root).status()).isEqualTo(404);
            assertThat(web.delete("/api/v1/admin/users/webby/roles/member", root).status()).isEqualTo(409);
            assertThat(web.delete("/api/v1/admin/users/" + SYSOP + "/roles/sysop", root).status())
                    .as("the only sysop keeps the role").isEqualTo(409);

            var feed = WalkingSkeletonEndToEndTest.readFeed(web, root);
            for (var type : new String[] {"RoleGranted", "RoleRevoked"}) {
                assertThat(feed).filteredOn(e -> e.get("type").asText().equals(type)
                                && e.get("data").get("role").asText().equalsIgnoreCase("sysop")
                                && e.get("actor").get("handle").asText().equals(SYSOP))
                        .as("%s by the sysop", type).hasSize(1);
            }
        }
    }
}
