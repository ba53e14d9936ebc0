package dev.scrollback.adapters.web;

import static dev.scrollback.adapters.web.TestServer.assertProblem;
import static dev.scrollback.adapters.web.TestServer.assertSecurityHeaders;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.adapters.web.accounts.AccountRoutes;
import dev.scrollback.adapters.web.accounts.JwksRoutes;
import dev.scrollback.adapters.web.accounts.MeRoutes;
import dev.scrollback.adapters.web.accounts.SessionRoutes;
import dev.scrollback.adapters.web.admin.AdminUserRoutes;
import dev.scrollback.adapters.web.feed.FeedRoutes;
import dev.scrollback.adapters.web.health.HealthRoutes;
import dev.scrollback.adapters.web.presence.PresenceRoutes;
import dev.scrollback.adapters.web.shared.FixedWindows;
import dev.scrollback.adapters.web.shared.RouteLimit;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 3 item 10: every response carries the security headers and sets no cookie. Visits every registered endpoint
 * of every capability (their use cases are never reached: no credentials, empty bodies), an unknown address, and a
 * request refused by a rate limit.
 */
class SecurityHeadersSweepTest {
    @TempDir
    Path keys;

    @Test
    void every_endpoint_a_404_and_a_429_carry_the_security_headers_and_set_no_cookie() {
        var sessions = new Sessions(keys);
        var auth = sessions.authentication;
        var limiter = new FixedWindows(sessions.clock);
        var limits = new ArrayList<>(RouteLimit.defaults());
        limits.addFirst(RouteLimit.of("*", "/api/v1/limited/*", "sweep", 1, Duration.ofMinutes(1)));
        try (var server = TestServer.start(limiter, limits,
                new AccountRoutes(c -> { throw unreached(); }, c -> { throw unreached(); }, c -> { throw unreached(); }),
                new SessionRoutes(c -> { throw unreached(); }, (c, o) -> { throw unreached(); }, (s, a, g, o) -> { throw unreached(); }, auth),
                new MeRoutes(c -> { throw unreached(); }, auth),
                new PresenceRoutes(c -> { throw unreached(); }, auth),
                new FeedRoutes((c, after, limit) -> { throw unreached(); }, auth),
                new HealthRoutes(List.of()),
                new JwksRoutes(sessions.tokens),
                new AdminUserRoutes((sysop, handle, origin) -> { throw unreached(); },
                        (sysop, handle, until, note, origin) -> { throw unreached(); },
                        (sysop, handle, origin) -> { throw unreached(); }, (sysop, handle, origin) -> { throw unreached(); },
                        auth, java.time.Clock.systemUTC()),
                new dev.scrollback.adapters.web.accounts.PasswordResetRoutes(c -> { throw unreached(); },
                        (code, password, origin) -> { throw unreached(); }))) {
            var endpoints = server.server().endpoints();
            assertThat(endpoints).hasSizeGreaterThanOrEqualTo(12).contains("POST /api/v1/sessions", "GET /health/live",
                    "POST /api/v1/admin/users/{handle}/unlock");
            for (var endpoint : endpoints) {
                var method = endpoint.substring(0, endpoint.indexOf(' '));
                var path = endpoint.substring(endpoint.indexOf(' ') + 1).replaceAll("\\{[^}]*}", "x");
                var response = server.send(server.request(path, "Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString("{}")));
                assertThat(response.statusCode()).as(endpoint).isLessThan(500);
                assertHardened(endpoint, response);
            }
            var missing = server.get("/no/such/page");
            assertProblem(missing, 404, "not-found");
            assertHardened("404", missing);

            server.get("/api/v1/limited/a");
            var refused = server.get("/api/v1/limited/a");
            assertProblem(refused, 429, "rate-limited");
            assertHardened("429", refused);
        }
    }

    private static void assertHardened(String what, HttpResponse<String> response) {
        try {
            assertSecurityHeaders(response);
        } catch (AssertionError e) {
            throw new AssertionError(what + ": " + e.getMessage(), e);
        }
        assertThat(response.headers().allValues("Set-Cookie")).as(what).isEmpty();
    }

    private static IllegalStateException unreached() {
        return new IllegalStateException("no use case is reached in this test");
    }
}
