package dev.scrollback.bootstrap;

import static dev.scrollback.bootstrap.PasswordResetEndToEndTest.slug;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.adapters.telnet.TelnetServer;
import dev.scrollback.adapters.web.WebServer;
import dev.scrollback.application.shared.ControlledClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 3, item 8: a sysop locks an account for a time or indefinitely (with a note the owner is shown), forces a
 * password reset and resets two-factor login — each ends what it must, each an event with the sysop as actor.
 */
class AdminAccountActionsEndToEndTest {
    static final String PASSWORD = PasswordResetEndToEndTest.PASSWORD;
    static final String EMAIL = "owner@example.test";

    @TempDir
    Path data;

    final ControlledClock clock = ControlledClock.at("2031-05-01T12:00:00Z");

    @Test
    void a_lock_ends_the_sessions_tells_the_note_and_ends_on_time_or_when_a_sysop_lifts_it() throws Exception {
        try (var app = start()) {
            var web = new Http(app.getBean(WebServer.class).port());
            signUp(web, "Owner");
            var sysop = web.logIn(WalkingSkeletonEndToEndTest.SYSOP, WalkingSkeletonEndToEndTest.SYSOP_PASSWORD);
            var token = web.logIn("Owner", PASSWORD);
            try (var telnet = PasswordResetEndToEndTest.telnetLogin(app, "Owner", PASSWORD)) {
                PasswordChangeEndToEndTest.untilSessions(web, token, 2);

                var locked = web.post("/api/v1/admin/users/Owner/lock", Map.of("duration", "PT2H", "note", "Cool off, please."), sysop);
                assertThat(locked.status()).isEqualTo(200);
                assertThat(locked.body().get("until").asText()).isEqualTo("2031-05-01T14:00:00Z");
                assertThat(locked.body().get("sessionsEnded").asInt()).isEqualTo(2);
                telnet.expect("Cool off, please.");
                assertThat(telnet.hungUp()).isTrue();
            }
            assertThat(web.get("/api/v1/me", token).status()).isEqualTo(401);
            var refused = web.post("/api/v1/sessions", Map.of("handle", "Owner", "password", PASSWORD));
            assertThat(refused.status()).isEqualTo(423);
            assertThat(refused.body().get("detail").asText()).contains("2031-05-01T14:00:00Z", "Cool off, please.");
            assertThat(web.post("/api/v1/sessions", Map.of("handle", "Owner", "password", "a wrong password here")).status())
                    .as("a stranger learns nothing of the lock").isEqualTo(401);
            try (var telnet = TelnetCaller.connect(app.getBean(TelnetServer.class).port())) {
                telnet.expect("Handle: ");
                telnet.line("Owner");
                telnet.expect("Password: ");
                telnet.line(PASSWORD);
                assertThat(telnet.expect("Handle: ")).contains("A sysop locked this account until 2031-05-01 14:00:00 UTC.",
                        "Cool off, please.");
            }
            clock.advance(Duration.ofHours(2));
            var after = web.logIn("Owner", PASSWORD);
            PasswordChangeEndToEndTest.untilSessions(web, after, 1);          // the lock below ends this one too

            sysop = web.logIn(WalkingSkeletonEndToEndTest.SYSOP, WalkingSkeletonEndToEndTest.SYSOP_PASSWORD);
            var forever = web.post("/api/v1/admin/users/Owner/lock", Map.of(), sysop);
            assertThat(forever.body().get("until").isNull()).isTrue();
            clock.advance(Duration.ofDays(400));
            assertThat(slug(web.post("/api/v1/sessions", Map.of("handle", "Owner", "password", PASSWORD)))).isEqualTo("account-locked");
            sysop = web.logIn(WalkingSkeletonEndToEndTest.SYSOP, WalkingSkeletonEndToEndTest.SYSOP_PASSWORD);
            assertThat(web.post("/api/v1/admin/users/Owner/unlock", Map.of(), sysop).body().get("wasLocked").asBoolean()).isTrue();
            assertThat(web.post("/api/v1/sessions", Map.of("handle", "Owner", "password", PASSWORD)).status()).isEqualTo(201);

            assertThat(web.post("/api/v1/admin/users/" + WalkingSkeletonEndToEndTest.SYSOP + "/lock", Map.of(), sysop).status())
                    .as("not their own account").isEqualTo(409);
            var member = web.logIn("Owner", PASSWORD);
            assertThat(slug(web.post("/api/v1/admin/users/Owner/lock", Map.of(), member))).isEqualTo("forbidden");

            var feed = WalkingSkeletonEndToEndTest.readFeed(web, sysop);
            assertThat(feed).filteredOn(e -> e.get("type").asText().equals("AccountLocked")).hasSize(2).allSatisfy(e -> {
                assertThat(e.get("actor").get("handle").asText()).isEqualTo(WalkingSkeletonEndToEndTest.SYSOP);
                assertThat(e.get("data").get("cause").asText()).isEqualTo("sysop");
            });
            // two by the timed lock (web and telnet), one by the indefinite lock (the login after the first ended)
            assertThat(feed).filteredOn(e -> e.get("type").asText().equals("SessionEnded")
                    && e.get("data").get("reason").asText().equals("kicked")).hasSize(3);
        }
    }

    @Test
    void a_forced_reset_stops_the_old_password_until_the_mailed_code_sets_a_new_one() throws Exception {
        try (var app = start()) {
            var web = new Http(app.getBean(WebServer.class).port());
            signUp(web, "Owner");
            var sysop = web.logIn(WalkingSkeletonEndToEndTest.SYSOP, WalkingSkeletonEndToEndTest.SYSOP_PASSWORD);
            var token = web.logIn("Owner", PASSWORD);

            var forced = web.post("/api/v1/admin/users/Owner/password-reset", Map.of(), sysop);
            assertThat(forced.status()).isEqualTo(200);
            assertThat(forced.body().get("mailed").asBoolean()).isTrue();
            assertThat(web.get("/api/v1/me", token).status()).as("refused at once, even before the session list caught up")
                    .isEqualTo(401);
            var refused = web.post("/api/v1/sessions", Map.of("handle", "Owner", "password", PASSWORD));
            assertThat(refused.status()).isEqualTo(403);
            assertThat(slug(refused)).isEqualTo("password-reset-required");
            var code = Outbox.resetCodeFor(data, EMAIL, Set.of());
            var next = "an entirely new passphrase";
            assertThat(web.post("/api/v1/password-resets/complete", Map.of("code", code, "newPassword", next)).status()).isEqualTo(200);
            assertThat(web.post("/api/v1/sessions", Map.of("handle", "Owner", "password", next)).status()).isEqualTo(201);

            var feed = WalkingSkeletonEndToEndTest.readFeed(web, sysop);
            assertThat(feed).filteredOn(e -> e.get("type").asText().equals("PasswordResetRequested")).singleElement()
                    .satisfies(e -> {
                        assertThat(e.get("actor").get("handle").asText()).isEqualTo(WalkingSkeletonEndToEndTest.SYSOP);
                        assertThat(e.get("data").get("cause").asText()).isEqualTo("sysop");
                    });
        }
    }

    @Test
    void a_sysop_resets_two_factor_login_for_an_owner_who_lost_it() throws Exception {
        try (var app = start()) {
            var web = new Http(app.getBean(WebServer.class).port());
            signUp(web, "Owner");
            var token = web.logIn("Owner", PASSWORD);
            assertThat(web.post("/api/v1/me/totp", Map.of("password", PASSWORD), token).status()).isEqualTo(201);
            assertThat(slug(web.post("/api/v1/sessions", Map.of("handle", "Owner", "password", PASSWORD)))).isEqualTo("totp-required");

            var sysop = web.logIn(WalkingSkeletonEndToEndTest.SYSOP, WalkingSkeletonEndToEndTest.SYSOP_PASSWORD);
            var reset = web.delete("/api/v1/admin/users/Owner/totp", sysop);
            assertThat(reset.status()).isEqualTo(200);
            assertThat(reset.body().get("wasEnabled").asBoolean()).isTrue();
            assertThat(web.post("/api/v1/sessions", Map.of("handle", "Owner", "password", PASSWORD)).status()).isEqualTo(201);
            assertThat(web.delete("/api/v1/admin/users/Owner/totp", sysop).body().get("wasEnabled").asBoolean()).isFalse();

            var feed = WalkingSkeletonEndToEndTest.readFeed(web, sysop);
            assertThat(feed).filteredOn(e -> e.get("type").asText().equals("TotpDisabled")).singleElement()
                    .satisfies(e -> assertThat(e.get("actor").get("handle").asText()).isEqualTo(WalkingSkeletonEndToEndTest.SYSOP));
        }
    }

    private ConfigurableApplicationContext start() {
        return TestBbs.start(data, clock).app();
    }

    private void signUp(Http web, String handle) throws Exception {
        TestBbs.signUp(web, data, handle, EMAIL);
    }
}
