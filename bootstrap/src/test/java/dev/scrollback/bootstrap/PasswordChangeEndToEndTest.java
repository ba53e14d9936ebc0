package dev.scrollback.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.adapters.telnet.TelnetServer;
import dev.scrollback.adapters.web.WebServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 3, item 5 (password change): changing the password ends every other session of the account at once — a
 * telnet caller is told and disconnected, other web tokens stop working — and only the new password logs in.
 */
class PasswordChangeEndToEndTest {
    static final String SYSOP = WalkingSkeletonEndToEndTest.SYSOP;
    static final String OLD = WalkingSkeletonEndToEndTest.SYSOP_PASSWORD;
    static final String NEW = "a brand new phrase for the long night";

    @TempDir
    Path data;

    static TelnetCaller telnetLogin(int port) throws Exception {
        var telnet = TelnetCaller.connect(port);
        telnet.logIn(SYSOP, OLD);
        return telnet;
    }

    static void untilSessions(Http web, String token, int count) throws Exception {
        WalkingSkeletonEndToEndTest.untilTrue(() -> {
            var listed = web.get("/api/v1/me/sessions", token).body().get("sessions");
            return listed.size() == count ? "yes" : "";
        });
    }

    static void onlyTheNewPasswordLogsIn(Http web) throws Exception {
        assertThat(web.post("/api/v1/sessions", Map.of("handle", SYSOP, "password", OLD)).status()).isEqualTo(401);
        assertThat(web.post("/api/v1/sessions", Map.of("handle", SYSOP, "password", NEW)).status()).isEqualTo(201);
    }

    @Test
    void a_change_from_the_web_ends_the_telnet_session_and_the_other_web_tokens_but_not_the_callers_own() throws Exception {
        try (var app = WalkingSkeletonEndToEndTest.start(data)) {
            var web = new Http(app.getBean(WebServer.class).port());
            try (var telnet = telnetLogin(app.getBean(TelnetServer.class).port())) {
                var older = web.logIn(SYSOP, OLD);
                var mine = web.logIn(SYSOP, OLD);
                untilSessions(web, mine, 3);

                assertThat(web.post("/api/v1/me/password", Map.of("currentPassword", "not the password at all",
                        "newPassword", NEW), mine).status()).isEqualTo(403);
                assertThat(web.post("/api/v1/me/password", Map.of("currentPassword", OLD, "newPassword", "short"), mine)
                        .status()).isEqualTo(422);
                assertThat(web.post("/api/v1/me/password", Map.of("currentPassword", OLD, "newPassword", NEW), mine)
                        .status()).isEqualTo(204);

                telnet.expect("password was changed");
                assertThat(telnet.hungUp()).isTrue();
                assertThat(web.get("/api/v1/me", older).status()).as("the other web session's token").isEqualTo(401);
                assertThat(web.get("/api/v1/me", mine).status()).as("the caller's own token").isEqualTo(200);
                onlyTheNewPasswordLogsIn(web);

                var feed = WalkingSkeletonEndToEndTest.readFeed(web, mine);
                assertThat(feed).filteredOn(e -> e.get("type").asText().equals("PasswordChanged")).hasSize(1)
                        .allSatisfy(e -> assertThat(e.get("data").toString()).doesNotContain("argon2"));
                assertThat(feed).filteredOn(e -> e.get("type").asText().equals("SessionEnded")
                                && e.get("data").get("reason").asText().equals("revoked"))
                        .hasSize(2);
            }
        }
    }

    @Test
    void a_change_from_the_telnet_settings_ends_the_web_session() throws Exception {
        try (var app = WalkingSkeletonEndToEndTest.start(data)) {
            var web = new Http(app.getBean(WebServer.class).port());
            try (var telnet = telnetLogin(app.getBean(TelnetServer.class).port())) {
                var token = web.logIn(SYSOP, OLD);
                untilSessions(web, token, 2);

                telnet.key('S');
                telnet.expect("[P] Change password");
                telnet.key('P');
                telnet.expect("Current password: ");
                telnet.line(OLD);
                telnet.expect("New password (at least 12 characters): ");
                telnet.line(NEW);
                telnet.expect("New password again: ");
                telnet.line(NEW);
                telnet.expect("Your password is changed.");

                assertThat(web.get("/api/v1/me", token).status()).as("the web session's token").isEqualTo(401);
                telnet.expect("Your choice: ");
                telnet.key('Q');
                telnet.expect("Main menu");
                telnet.key('G');
                telnet.expect("Goodbye, " + SYSOP);
                onlyTheNewPasswordLogsIn(web);
            }
        }
    }
}
