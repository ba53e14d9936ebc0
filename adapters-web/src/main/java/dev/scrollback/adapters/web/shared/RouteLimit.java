package dev.scrollback.adapters.web.shared;

import dev.scrollback.application.shared.RateLimiter.Limit;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One per-address rate limit on a set of routes, applied before the handler (SPEC §5). {@code method} is an HTTP
 * method or {@code *}; {@code pathPattern} is a path whose segments are literals, {@code {name}} (any one segment) or,
 * as the last segment only, {@code *} (any rest, including none). Routes whose limits share a {@link Limit#name()}
 * share one count per address.
 */
public record RouteLimit(String method, String pathPattern, Limit limit) {
    private static final Pattern METHOD = Pattern.compile("\\*|[A-Z]{3,10}");
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._~\\-]+|\\{[A-Za-z0-9_]+}");

    public RouteLimit {
        Objects.requireNonNull(limit, "limit");
        method = Objects.requireNonNull(method, "method").toUpperCase(Locale.ROOT);
        if (!METHOD.matcher(method).matches()) throw new IllegalArgumentException("method must be an HTTP method or *");
        var segments = segments(Objects.requireNonNull(pathPattern, "pathPattern"));
        if (!pathPattern.startsWith("/")) throw new IllegalArgumentException("a path pattern starts with /: " + pathPattern);
        for (int i = 0; i < segments.size(); i++) {
            var segment = segments.get(i);
            boolean rest = segment.equals("*") && i == segments.size() - 1;
            if (!rest && !SEGMENT.matcher(segment).matches()) {
                throw new IllegalArgumentException("bad segment '" + segment + "' in path pattern " + pathPattern);
            }
        }
    }

    public static RouteLimit of(String method, String pathPattern, String name, int permits, Duration window) {
        return new RouteLimit(method, pathPattern, new Limit(name, permits, window));
    }

    /**
     * What Scrollback proposes, per client address; the first that matches a request applies. Each is a token bucket
     * (see the limiter): the permits at once, then refilled evenly over the window. Stricter where an attacker guesses
     * or where mail is sent; the general limit is generous for a program reading the feed.
     */
    public static List<RouteLimit> defaults() {
        return List.of(
                of("POST", "/api/v1/sessions", "web-login", 20, Duration.ofMinutes(15)),
                of("POST", "/api/v1/sessions/refresh", "web-refresh", 60, Duration.ofMinutes(15)),
                of("POST", "/api/v1/accounts", "web-signup", 5, Duration.ofHours(1)),
                of("POST", "/api/v1/accounts/verify", "web-verify", 10, Duration.ofMinutes(15)),
                of("POST", "/api/v1/accounts/verify/resend", "web-mail", 5, Duration.ofHours(1)),
                of("POST", "/api/v1/password-resets", "web-mail", 5, Duration.ofHours(1)),
                of("POST", "/api/v1/password-resets/complete", "web-verify", 10, Duration.ofMinutes(15)),
                of("*", "/api/v1/me/totp", "web-password-check", 10, Duration.ofMinutes(15)),   // confirms a password
                of("POST", "/api/v1/me/password", "web-password-check", 10, Duration.ofMinutes(15)),
                of("DELETE", "/api/v1/me", "web-password-check", 10, Duration.ofMinutes(15)),   // erasure confirms a password
                of("GET", "/api/v1/me/export", "web-export", 5, Duration.ofHours(1)),          // reads the whole log
                of("POST", "/api/v1/me/api-keys", "web-api-keys", 20, Duration.ofHours(1)),
                of("POST", "/api/v1/boards/{id}/threads", "web-post", 60, Duration.ofMinutes(10)),
                of("POST", "/api/v1/threads/{id}/messages", "web-post", 60, Duration.ofMinutes(10)),
                of("PATCH", "/api/v1/threads/{id}/messages/{messageId}", "web-post", 60, Duration.ofMinutes(10)),
                of("POST", "/api/v1/chat/rooms", "web-chat-rooms", 20, Duration.ofHours(1)),
                of("POST", "/api/v1/chat/rooms/{id}/messages", "web-chat", 120, Duration.ofMinutes(1)),
                of("POST", "/api/v1/pages", "web-pages", 20, Duration.ofMinutes(10)),
                of("*", "/api/*", "web-api", 300, Duration.ofMinutes(1)));
    }

    /** Whether a request for {@code path} (already decoded, without query) with {@code requestMethod} falls under it. */
    public boolean matches(String requestMethod, String path) {
        if (!method.equals("*") && !method.equalsIgnoreCase(requestMethod)) return false;
        var pattern = segments(pathPattern);
        var actual = segments(path);
        for (int i = 0; i < pattern.size(); i++) {
            var want = pattern.get(i);
            if (want.equals("*") && i == pattern.size() - 1) return true;
            if (i >= actual.size()) return false;
            if (!(want.startsWith("{") || want.equals(actual.get(i)))) return false;
        }
        return pattern.size() == actual.size();
    }

    private static List<String> segments(String path) {
        var trimmed = path.startsWith("/") ? path.substring(1) : path;
        if (trimmed.endsWith("/")) trimmed = trimmed.substring(0, trimmed.length() - 1);
        return trimmed.isEmpty() ? List.of() : List.of(trimmed.split("/", -1));
    }
}
