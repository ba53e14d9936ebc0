package dev.scrollback.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.adapters.telnet.TelnetServer;
import dev.scrollback.adapters.web.WebServer;
import dev.scrollback.application.shared.ControlledClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 3, item 11: a brute-force run through the real HTTP and telnet adapters on a clock the test moves — the
 * slow-down after 5 failures, the lock at 10 with its unlock mail, the owner getting in with the code while the lock
 * holds, a sysop unlock, an unknown handle answering exactly alike, and the per-address limit.
 */
class BruteForceEndToEndTest {
    static final String PASSWORD = "correct horse battery staple";
    static final String WRONG = "not the password, sorry";

    @TempDir
    Path data;

    final ControlledClock clock = ControlledClock.at("2031-05-01T12:00:00Z");

    record Answer(int status, String slug, long retryAfter) {
        static Answer of(Http.Answer a, String retryAfter) {
            var type = a.body().has("type") ? a.body().get("type").asText() : "";
            return new Answer(a.status(), type.substring(type.lastIndexOf('/') + 1),
                    retryAfter.isEmpty() ? 0 : Long.parseLong(retryAfter));
        }
    }

    @Test
    void guessing_is_slowed_then_locked_and_the_owner_still_gets_in() throws Exception {
        try (var app = start()) {
            var web = new Http(app.getBean(WebServer.class).port());
            signUp(web, "Owner", "owner@example.test");
            signUp(web, "Other", "other@example.test");

            // The owner's account: ten wrong guesses, waiting out each slow-down on the test's clock.
            var owner = guessTenTimes(web, "Owner");
            assertThat(owner.subList(0, 5)).allSatisfy(a -> assertThat(a.status()).isEqualTo(401));
            assertThat(owner.get(5)).as("too soon after the 5th failure").isEqualTo(new Answer(429, "rate-limited", 1));
            assertThat(owner.getLast()).extracting(Answer::status, Answer::slug).containsExactly(423, "account-locked");

            var locked = web.post("/api/v1/sessions", Map.of("handle", "Owner", "password", PASSWORD));
            assertThat(locked.status()).as("the right password alone does not open a locked account").isEqualTo(423);
            assertThat(locked.body().get("detail").asText()).contains("unlock");
            var unlockCode = Outbox.codeFor(data, "owner@example.test");
            assertThat(unlockCode).hasSize(8);
            var withCode = web.post("/api/v1/sessions", Map.of("handle", "Owner", "password", PASSWORD, "unlockCode", unlockCode));
            assertThat(withCode.status()).as("the owner gets in with the mailed code while the lock holds").isEqualTo(201);

            // An unknown handle answers exactly like a real one, lock included.
            clock.advance(Duration.ofMinutes(16));                    // a fresh per-address window
            assertThat(guessTenTimes(web, "Nobody")).isEqualTo(owner);

            // A sysop lifts a lock.
            clock.advance(Duration.ofMinutes(16));
            guessTenTimes(web, "Other");
            var sysop = web.logIn(WalkingSkeletonEndToEndTest.SYSOP, WalkingSkeletonEndToEndTest.SYSOP_PASSWORD);
            var unlocked = web.post("/api/v1/admin/users/Other/unlock", Map.of(), sysop);
            assertThat(unlocked.status()).isEqualTo(200);
            assertThat(unlocked.body().get("wasLocked").asBoolean()).isTrue();
            assertThat(web.post("/api/v1/sessions", Map.of("handle", "Other", "password", PASSWORD)).status()).isEqualTo(201);

            // Telnet tells a locked caller when and how it unlocks, and takes the code.
            clock.advance(Duration.ofMinutes(16));
            guessTenTimes(web, "Other");
            try (var telnet = TelnetCaller.connect(app.getBean(TelnetServer.class).port())) {
                telnet.expect("Handle: ");
                telnet.line("Other");
                telnet.expect("Password: ");
                telnet.line(PASSWORD);
                assertThat(telnet.expect("Unlock code from the mail")).contains("locked");
                telnet.line(Outbox.codeFor(data, "other@example.test"));
                telnet.expect("Welcome, Other!");
            }

            sysop = web.logIn(WalkingSkeletonEndToEndTest.SYSOP, WalkingSkeletonEndToEndTest.SYSOP_PASSWORD); // 15-min tokens
            var feed = WalkingSkeletonEndToEndTest.readFeed(web, sysop);
            assertThat(feed).filteredOn(e -> e.get("type").asText().equals("AccountLocked")).hasSize(3);
            assertThat(feed).filteredOn(e -> e.get("type").asText().equals("AccountUnlocked"))
                    .extracting(e -> e.get("actor").get("kind").asText() + ":" + e.get("data").get("reason").asText())
                    .containsExactly("user:owner_code", "user:sysop", "user:owner_code");
        }
    }

    @Test
    void one_address_guessing_across_many_handles_is_stopped_by_the_per_address_limit() throws Exception {
        try (var app = start()) {
            var web = new Http(app.getBean(WebServer.class).port());
            var statuses = new ArrayList<Integer>();
            for (int i = 0; i < 40; i++) {
                var answer = web.post("/api/v1/sessions", Map.of("handle", "guess" + i, "password", WRONG));
                statuses.add(answer.status());
                if (answer.status() == 429) {
                    assertThat(answer.body().get("type").asText()).endsWith("/rate-limited");
                    break;
                }
                clock.advance(Duration.ofSeconds(2));
            }
            assertThat(statuses.getLast()).as("the address is stopped, whatever handle it tries: %s", statuses).isEqualTo(429);
            assertThat(statuses.subList(0, statuses.size() - 1)).allSatisfy(s -> assertThat(s).isEqualTo(401));
        }
    }

    /** Ten wrong passwords, each after waiting out any slow-down (and one try that comes too early, after the 5th). */
    private List<Answer> guessTenTimes(Http web, String handle) throws Exception {
        var answers = new ArrayList<Answer>();
        int failures = 0;
        while (failures < 10) {
            var a = Answer.of(web.post("/api/v1/sessions", Map.of("handle", handle, "password", WRONG)), web.lastRetryAfter());
            answers.add(a);
            if (a.status() == 429) {
                clock.advance(Duration.ofSeconds(a.retryAfter()));
            } else {
                failures++;
                if (failures == 5) continue;                          // try once at once: the slow-down answers 429
                clock.advance(Duration.ofSeconds(61));
            }
        }
        return answers;
    }

    private ConfigurableApplicationContext start() {
        return ScrollbackApplication.serve(Map.of(
                "SCROLLBACK_DATA_DIR", data.toString(), "SCROLLBACK_TELNET_PORT", "0", "SCROLLBACK_HTTP_PORT", "0",
                "SCROLLBACK_TELNET_HOST", "127.0.0.1", "SCROLLBACK_HTTP_HOST", "127.0.0.1",
                "SCROLLBACK_SYSOP_HANDLE", WalkingSkeletonEndToEndTest.SYSOP,
                "SCROLLBACK_SYSOP_PASSWORD", WalkingSkeletonEndToEndTest.SYSOP_PASSWORD), clock);
    }

    private void signUp(Http web, String handle, String email) throws Exception {
        assertThat(web.post("/api/v1/accounts", Map.of("handle", handle, "email", email, "password", PASSWORD)).status())
                .isEqualTo(201);
        assertThat(web.post("/api/v1/accounts/verify", Map.of("handle", handle, "code", Outbox.codeFor(data, email)))
                .status()).isEqualTo(200);
    }
}
