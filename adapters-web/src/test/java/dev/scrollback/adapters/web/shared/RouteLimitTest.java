package dev.scrollback.adapters.web.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scrollback.domain.shared.RemoteAddress;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RouteLimitTest {
    static RouteLimit limit(String method, String pattern) {
        return RouteLimit.of(method, pattern, "x", 1, Duration.ofMinutes(1));
    }

    @Test
    void a_literal_pattern_matches_its_path_and_method_only() {
        var login = limit("POST", "/api/v1/sessions");
        assertThat(login.matches("POST", "/api/v1/sessions")).isTrue();
        assertThat(login.matches("post", "/api/v1/sessions/")).isTrue();       // Javalin ignores a trailing slash too
        assertThat(login.matches("GET", "/api/v1/sessions")).isFalse();
        assertThat(login.matches("POST", "/api/v1/sessions/refresh")).isFalse();
        assertThat(login.matches("POST", "/api/v1")).isFalse();
        assertThat(login.matches("POST", "/api/v1/Sessions")).isFalse();
    }

    @Test
    void a_star_at_the_end_matches_any_rest_and_a_braced_segment_matches_one() {
        var api = limit("*", "/api/*");
        assertThat(api.matches("DELETE", "/api/v1/me/sessions/123")).isTrue();
        assertThat(api.matches("GET", "/api")).isTrue();
        assertThat(api.matches("GET", "/apix")).isFalse();
        assertThat(api.matches("GET", "/health/live")).isFalse();
        var one = limit("DELETE", "/api/v1/me/sessions/{id}");
        assertThat(one.matches("DELETE", "/api/v1/me/sessions/123")).isTrue();
        assertThat(one.matches("DELETE", "/api/v1/me/sessions")).isFalse();
        assertThat(one.matches("DELETE", "/api/v1/me/sessions/1/2")).isFalse();
    }

    @Test
    void malformed_patterns_are_refused_when_configured() {
        assertThatThrownBy(() -> limit("POST", "api/v1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> limit("POST", "/api/*/x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> limit("PO ST", "/api")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> limit("POST", "/a?b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_defaults_limit_the_guessable_routes_before_the_general_one() {
        var defaults = RouteLimit.defaults();
        assertThat(defaults.getLast().pathPattern()).isEqualTo("/api/*");
        for (var path : new String[] {"/api/v1/sessions", "/api/v1/accounts", "/api/v1/accounts/verify",
                "/api/v1/accounts/verify/resend", "/api/v1/sessions/refresh", "/api/v1/password-resets"}) {
            var first = defaults.stream().filter(r -> r.matches("POST", path)).findFirst().orElseThrow();
            assertThat(first.limit().name()).as(path).isNotEqualTo("web-api");
            assertThat(first.limit().permits()).as(path).isLessThan(defaults.getLast().limit().permits());
        }
    }

    @Test
    void ipv6_clients_are_counted_by_their_64_block_and_ipv4_ones_by_address() {
        assertThat(RouteLimiting.clientKey(Optional.of(new RemoteAddress("2001:db8:1:2:aaaa::1"))))
                .isEqualTo(RouteLimiting.clientKey(Optional.of(new RemoteAddress("2001:db8:1:2::9"))))
                .isEqualTo("20010db800010002::/64");
        assertThat(RouteLimiting.clientKey(Optional.of(new RemoteAddress("::ffff:192.0.2.7")))).isEqualTo("192.0.2.7");
        assertThat(RouteLimiting.clientKey(Optional.of(new RemoteAddress("192.0.2.7")))).isEqualTo("192.0.2.7");
        assertThat(RouteLimiting.clientKey(Optional.empty())).isEqualTo("unknown");
    }
}
