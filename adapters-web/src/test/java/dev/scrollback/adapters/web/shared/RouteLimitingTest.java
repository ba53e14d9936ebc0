package dev.scrollback.adapters.web.shared;

import static dev.scrollback.adapters.web.TestServer.assertProblem;
import static dev.scrollback.adapters.web.TestServer.assertSecurityHeaders;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.adapters.web.Routes;
import dev.scrollback.adapters.web.TestServer;
import dev.scrollback.application.shared.ControlledClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Per-route, per-address limits over real HTTP, on a clock the test moves. */
class RouteLimitingTest {
    final ControlledClock clock = ControlledClock.at("2025-03-01T20:00:00Z");
    final FixedWindows limiter = new FixedWindows(clock);
    final AtomicInteger logins = new AtomicInteger();
    final Routes routes = config -> {
        config.post("/api/v1/sessions", ctx -> {
            logins.incrementAndGet();
            ctx.json(Map.of("ok", true));
        });
        config.get("/api/v1/things", ctx -> ctx.json(Map.of("ok", true)));
        config.get("/health/live", ctx -> ctx.json(Map.of("ok", true)));
    };
    final TestServer server = TestServer.start(limiter, List.of(
            RouteLimit.of("POST", "/api/v1/sessions", "web-login", 2, Duration.ofMinutes(15)),
            RouteLimit.of("*", "/api/*", "web-api", 3, Duration.ofMinutes(1))), routes);

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void allowed_requests_say_how_many_are_left_and_when_the_count_resets() {
        var first = server.post("/api/v1/sessions", "{}");
        assertThat(first.statusCode()).isEqualTo(200);
        assertRateLimit(first, "2", "1", "900");
        assertThat(first.headers().firstValue("RateLimit-Policy")).hasValue("2;w=900");
        clock.advance(Duration.ofMinutes(5));
        assertRateLimit(server.post("/api/v1/sessions", "{}"), "2", "0", "600");
    }

    @Test
    void one_request_too_many_is_a_429_problem_with_retry_after_and_never_reaches_the_handler() {
        server.post("/api/v1/sessions", "{}");
        server.post("/api/v1/sessions", "{}");
        clock.advance(Duration.ofMinutes(10).plusMillis(1));
        var refused = server.post("/api/v1/sessions", "{}");
        var problem = assertProblem(refused, 429, "rate-limited");
        assertThat(problem.path("detail").asText()).contains("300 seconds");
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("300");
        assertRateLimit(refused, "2", "0", "300");
        assertSecurityHeaders(refused);
        assertThat(logins).hasValue(2);

        clock.advance(Duration.ofMinutes(5));
        assertThat(server.post("/api/v1/sessions", "{}").statusCode()).isEqualTo(200);
        assertThat(logins).hasValue(3);
    }

    @Test
    void the_first_matching_limit_applies_and_each_counts_apart_by_client_address() {
        server.post("/api/v1/sessions", "{}");
        server.post("/api/v1/sessions", "{}");
        assertThat(server.get("/api/v1/things").statusCode()).isEqualTo(200);
        assertThat(limiter.asked).containsExactly(new FixedWindows.Asked("web-login", "127.0.0.1"),
                new FixedWindows.Asked("web-login", "127.0.0.1"), new FixedWindows.Asked("web-api", "127.0.0.1"));
    }

    @Test
    void unknown_addresses_under_a_limited_prefix_count_too_and_get_the_429_before_the_404() {
        assertProblem(server.get("/api/v1/nothing"), 404, "not-found");
        server.get("/api/v1/nothing");
        server.get("/api/v1/things");
        var refused = server.get("/api/v1/nothing");
        assertProblem(refused, 429, "rate-limited");
        assertSecurityHeaders(refused);
    }

    @Test
    void routes_no_limit_matches_carry_no_rate_limit_fields_and_are_never_refused() {
        for (int i = 0; i < 10; i++) {
            var response = server.get("/health/live");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("RateLimit-Limit")).isEmpty();
        }
        assertThat(limiter.asked).isEmpty();
    }

    static void assertRateLimit(HttpResponse<String> response, String limit, String remaining, String reset) {
        assertThat(response.headers().firstValue("RateLimit-Limit")).hasValue(limit);
        assertThat(response.headers().firstValue("RateLimit-Remaining")).hasValue(remaining);
        assertThat(response.headers().firstValue("RateLimit-Reset")).hasValue(reset);
    }
}
