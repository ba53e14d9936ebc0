package dev.scrollback.adapters.web.accounts;

import static dev.scrollback.adapters.web.TestServer.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.adapters.web.Sessions;
import dev.scrollback.adapters.web.TestServer;
import dev.scrollback.application.accounts.LogInCaller;
import dev.scrollback.application.shared.RateLimited;
import dev.scrollback.domain.accounts.AccountRejected;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LockoutProblemsTest {
    @TempDir Path keys;

    TestServer server(LogInCaller logIn) {
        var sessions = new Sessions(keys);
        return TestServer.start(new SessionRoutes(logIn, (c, o) -> {}, (s, a, g, o) -> { throw new AssertionError("not asked"); }, sessions.authentication));
    }

    @Test
    void a_slowed_down_login_is_a_429_rate_limited_problem_with_retry_after() {
        try (var server = server(cmd -> { throw new RateLimited(Duration.ofMillis(1500)); })) {
            var response = server.post("/api/v1/sessions", "{\"handle\":\"alice\",\"password\":\"x\"}");
            assertProblem(response, 429, "rate-limited");
            assertThat(response.headers().firstValue("Retry-After")).contains("2");
        }
    }

    @Test
    void a_locked_account_is_a_423_account_locked_problem_that_says_until_when_and_how_to_unlock() {
        var until = Instant.parse("2025-03-01T20:15:00Z");
        try (var server = server(cmd -> { throw new AccountRejected(new AccountRejected.LockedOut(until)); })) {
            var body = assertProblem(server.post("/api/v1/sessions", "{\"handle\":\"alice\",\"password\":\"x\"}"), 423, "account-locked");
            assertThat(body.path("detail").asText()).contains("2025-03-01T20:15:00Z").contains("unlockCode")
                    .contains("POST /api/v1/sessions");
        }
    }

    @Test
    void the_unlock_code_in_the_body_reaches_the_use_case() {
        var seen = new AtomicReference<LogInCaller.Command>();
        try (var server = server(cmd -> {
            seen.set(cmd);
            throw new AccountRejected(new AccountRejected.InvalidCredentials());
        })) {
            server.post("/api/v1/sessions", "{\"handle\":\"alice\",\"password\":\"x\",\"unlockCode\":\"12345678\"}");
            assertThat(seen.get().unlockCode()).hasValueSatisfying(code -> assertThat(code.value()).isEqualTo("12345678"));
            server.post("/api/v1/sessions", "{\"handle\":\"alice\",\"password\":\"x\"}");
            assertThat(seen.get().unlockCode()).isEmpty();
        }
    }
}
