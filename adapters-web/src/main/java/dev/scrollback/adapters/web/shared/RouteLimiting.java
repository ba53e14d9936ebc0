package dev.scrollback.adapters.web.shared;

import dev.scrollback.application.shared.RateLimiter;
import dev.scrollback.application.shared.RateLimiter.Decision.Allowed;
import dev.scrollback.application.shared.RateLimiter.Decision.Denied;
import dev.scrollback.domain.shared.RemoteAddress;
import io.javalin.http.Context;
import io.javalin.http.Header;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Per-route, per-address limits in front of every handler (SPEC §5). The first {@link RouteLimit} that matches a
 * request takes a permit for the client's address; a request without one is answered 429 {@code rate-limited} with
 * {@code Retry-After}, and never reaches its handler. Limited responses, allowed or not, carry the fields of
 * draft-ietf-httpapi-ratelimit-headers-06: {@code RateLimit-Limit}, {@code RateLimit-Remaining},
 * {@code RateLimit-Reset} (seconds until the bucket is full again; until the next permit when denied) and
 * {@code RateLimit-Policy} ({@code permits;w=windowSeconds}).
 */
public final class RouteLimiting {
    private final RateLimiter limiter;
    private final List<RouteLimit> limits;

    public RouteLimiting(RateLimiter limiter, List<RouteLimit> limits) {
        this.limiter = limiter;
        this.limits = List.copyOf(limits);
    }

    /** A Javalin before-handler. */
    public void check(Context ctx) {
        var method = ctx.method().name();
        var path = ctx.path();
        for (var route : limits) {
            if (route.matches(method, path)) {
                apply(ctx, route.limit(), limiter.acquire(route.limit(), clientKey(RequestOrigin.of(ctx).address())));
                return;
            }
        }
    }

    private static void apply(Context ctx, RateLimiter.Limit limit, RateLimiter.Decision decision) {
        ctx.header("RateLimit-Policy", limit.permits() + ";w=" + limit.window().toSeconds());
        ctx.header("RateLimit-Limit", Integer.toString(limit.permits()));
        switch (decision) {
            case Allowed allowed -> {
                ctx.header("RateLimit-Remaining", Integer.toString(allowed.remaining()));
                ctx.header("RateLimit-Reset", Long.toString(seconds(allowed.resetIn())));
            }
            case Denied denied -> {
                long wait = seconds(denied.retryAfter());
                ctx.header("RateLimit-Remaining", "0");
                ctx.header("RateLimit-Reset", Long.toString(wait));
                ctx.header(Header.RETRY_AFTER, Long.toString(wait));
                Problem.of("rate-limited", "Too many requests", 429, "Too many requests from your address; try again in "
                        + wait + (wait == 1 ? " second." : " seconds.")).writeTo(ctx);
                ctx.skipRemainingHandlers();
            }
        }
    }

    /** Whole seconds, rounded up, at least 1 (a client told 0 would retry at once). */
    private static long seconds(Duration duration) {
        return Math.max(1, (duration.toMillis() + 999) / 1000);
    }

    /**
     * What a client is counted by: its IPv4 address, or the /64 network of its IPv6 address, since one IPv6 host
     * usually holds a whole /64 and could otherwise take a fresh address for every request.
     */
    static String clientKey(Optional<RemoteAddress> address) {
        if (address.isEmpty()) return "unknown";
        try {
            var ip = InetAddress.getByName(address.get().value());      // a literal: no lookup
            if (ip instanceof Inet6Address) {
                return HexFormat.of().formatHex(Arrays.copyOf(ip.getAddress(), 8)) + "::/64";
            }
            return ip.getHostAddress();
        } catch (UnknownHostException notALiteral) {
            return address.get().value();
        }
    }
}
