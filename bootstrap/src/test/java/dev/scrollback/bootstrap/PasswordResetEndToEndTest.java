package dev.scrollback.bootstrap;

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
 * Issue 3, item 6: a forgotten password is reset with a mailed single-use code valid 30 minutes, from the web and from
 * telnet; the request answers alike whether or not the account exists and is rate-limited; completing it ends every
 * session of the account.
 */
class PasswordResetEndToEndTest {
    static final String PASSWORD = "correct horse battery staple";
    static final String NEW = "a brand new phrase for the long night";
    static final String EMAIL = "owner@example.test";

    @TempDir
    Path data;

    final ControlledClock clock = ControlledClock.at("2031-05-01T12:00:00Z");

    @Test
    void a_mailed_code_sets_a_new_password_and_ends_every_session() throws Exception {
        try (var app = start()) {
            var web = new Http(app.getBean(WebServer.class).port());
            signUp(web, "Owner", EMAIL);
            var token = web.logIn("Owner", PASSWORD);
            String code;
            try (var telnet = telnetLogin(app, "Owner", PASSWORD)) {
                PasswordChangeEndToEndTest.untilSessions(web, token, 2);
                var known = web.post("/api/v1/password-resets", Map.of("handle", "Owner"));
                var unknownHandle = web.post("/api/v1/password-resets", Map.of("handle", "Stranger"));
                var unknownEmail = web.post("/api/v1/password-resets", Map.of("email", "stranger@example.test"));
                assertThat(known.status()).isEqualTo(202);
                assertThat(unknownHandle).as("nothing tells whether the account exists").isEqualTo(known);
                assertThat(unknownEmail).isEqualTo(known);
                code = Outbox.resetCodeFor(data, EMAIL, Set.of());

                assertThat(slug(web.post("/api/v1/password-resets/complete", Map.of("code", "0000-0000-0000-0000", "newPassword", NEW))))
                        .isEqualTo("validation-failed");
                assertThat(slug(web.post("/api/v1/password-resets/complete", Map.of("code", code, "newPassword", "short"))))
                        .isEqualTo("weak-password");
                var done = web.post("/api/v1/password-resets/complete", Map.of("code", code, "newPassword", NEW));
                assertThat(done.status()).isEqualTo(200);
                assertThat(done.body().get("handle").asText()).isEqualTo("Owner");

                telnet.expect("password was reset");
                assertThat(telnet.hungUp()).isTrue();
                assertThat(web.get("/api/v1/me", token).status()).as("a token from before the reset").isEqualTo(401);
                assertThat(web.post("/api/v1/sessions", Map.of("handle", "Owner", "password", PASSWORD)).status()).isEqualTo(401);
                assertThat(web.post("/api/v1/sessions", Map.of("handle", "Owner", "password", NEW)).status()).isEqualTo(201);
                assertThat(slug(web.post("/api/v1/password-resets/complete", Map.of("code", code, "newPassword", "yet another long phrase"))))
                        .as("the code works once").isEqualTo("validation-failed");
            }

            // By the address on file, and a code is good for 30 minutes only.
            var byEmail = web.post("/api/v1/password-resets", Map.of("email", "OWNER@example.test"));
            assertThat(byEmail.status()).isEqualTo(202);
            var second = Outbox.resetCodeFor(data, EMAIL, Set.of(code));
            clock.advance(Duration.ofMinutes(30));
            var expired = web.post("/api/v1/password-resets/complete", Map.of("code", second, "newPassword", "yet another long phrase"));
            assertThat(slug(expired)).isEqualTo("validation-failed");
            assertThat(expired.body().get("detail").asText()).contains("expired");

            var sysop = web.logIn(WalkingSkeletonEndToEndTest.SYSOP, WalkingSkeletonEndToEndTest.SYSOP_PASSWORD);
            var feed = WalkingSkeletonEndToEndTest.readFeed(web, sysop);
            assertThat(feed).filteredOn(e -> e.get("type").asText().equals("PasswordResetRequested")).hasSize(2)
                    .allSatisfy(e -> {
                        assertThat(e.get("data").has("codeDigest")).as("the digest is a stored secret").isFalse();
                        assertThat(e.get("origin").get("address").asText()).isEqualTo("127.0.0.1");
                    });
            assertThat(feed).filteredOn(e -> e.get("type").asText().equals("PasswordResetCompleted")).singleElement()
                    .satisfies(e -> assertThat(e.get("actor").get("handle").asText()).isEqualTo("Owner"));
            assertThat(feed).filteredOn(e -> e.get("type").asText().equals("SessionEnded")
                    && e.get("data").get("reason").asText().equals("revoked")).hasSize(2);
        }
    }

    @Test
    void requests_are_limited_per_account_alike_for_unknown_ones_and_hostile_bodies_are_refused() throws Exception {
        try (var app = start()) {
            var web = new Http(app.getBean(WebServer.class).port());
            for (var handle : new String[] {"Keeper", "Stranger"}) {
                for (int i = 0; i < 3; i++) {
                    assertThat(web.post("/api/v1/password-resets", Map.of("handle", handle)).status()).isEqualTo(202);
                }
                var limited = web.post("/api/v1/password-resets", Map.of("handle", handle));
                assertThat(limited.status()).as(handle).isEqualTo(429);
                assertThat(web.lastRetryAfter()).isNotEmpty();
                clock.advance(Duration.ofHours(2));
            }
            assertThat(slug(web.post("/api/v1/password-resets", Map.of()))).isEqualTo("validation-failed");
            assertThat(slug(web.post("/api/v1/password-resets", Map.of("handle", "Keeper", "email", "x@example.test"))))
                    .isEqualTo("validation-failed");
            assertThat(slug(web.post("/api/v1/password-resets", Map.of("handle", "bad handle!")))).isEqualTo("validation-failed");
            assertThat(slug(web.post("/api/v1/password-resets", Map.of("email", "x".repeat(5000) + "@example.test"))))
                    .isEqualTo("validation-failed");
            assertThat(slug(web.post("/api/v1/password-resets/complete", Map.of("code", "9".repeat(10_000), "newPassword", NEW))))
                    .isEqualTo("validation-failed");
            assertThat(slug(web.post("/api/v1/password-resets/complete", Map.of("code", "9".repeat(200_000), "newPassword", NEW))))
                    .isEqualTo("content-too-large");
            assertThat(slug(web.post("/api/v1/password-resets/complete", Map.of("code", "1234-5678-9012-3456")))).isEqualTo("validation-failed");
        }
    }

    @Test
    void telnet_resets_a_forgotten_password_at_the_handle_prompt() throws Exception {
        try (var app = start()) {
            var web = new Http(app.getBean(WebServer.class).port());
            signUp(web, "Owner", EMAIL);
            try (var telnet = TelnetCaller.connect(app.getBean(TelnetServer.class).port())) {
                assertThat(telnet.expect("Handle: ")).contains("FORGOT");
                telnet.line("forgot");
                telnet.expect("Your handle or email address (Enter to stop): ");
                telnet.line("owner");      // by handle: read from its stream; an address goes through a projection
                telnet.expect("Code from the mail (Enter to stop): ");
                telnet.line("1111-2222-3333-4444");
                telnet.expect("New password (at least 12 characters): ");
                telnet.line(NEW);
                telnet.expect("New password again: ");
                telnet.line(NEW);
                assertThat(telnet.expect("Code from the mail (Enter to stop): ")).contains("not right");
                telnet.line(Outbox.resetCodeFor(data, EMAIL, Set.of()));
                telnet.expect("New password (at least 12 characters): ");
                telnet.line("Owner is my name 123");
                telnet.expect("New password again: ");
                telnet.line("Owner is my name 123");
                assertThat(telnet.expect("New password (at least 12 characters): ")).contains("handle");
                telnet.line(NEW);
                telnet.expect("New password again: ");
                telnet.line(NEW);
                telnet.expect("Your password is set. Log in as Owner with it.");
                telnet.expect("Handle: ");
                telnet.line("Owner");
                telnet.expect("Password: ");
                telnet.line(NEW);
                telnet.expect("Welcome, Owner!");
            }
        }
    }

    private ConfigurableApplicationContext start() {
        return TestBbs.start(data, clock).app();
    }

    static TelnetCaller telnetLogin(ConfigurableApplicationContext app, String handle, String password) throws Exception {
        var telnet = TelnetCaller.connect(app.getBean(TelnetServer.class).port());
        telnet.logIn(handle, password);
        return telnet;
    }

    void signUp(Http web, String handle, String email) throws Exception {
        TestBbs.signUp(web, data, handle, email);
    }

    static String slug(Http.Answer answer) {
        var type = answer.body().path("type").asText();
        return type.substring(type.lastIndexOf('/') + 1);
    }
}
