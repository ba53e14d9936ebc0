package dev.scrollback.adapters.web.terminal;

import dev.scrollback.application.shared.RateLimiter;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the web terminal admits callers. Timeouts of the session itself (login, idle) belong to the engine behind the
 * terminal port, as on telnet.
 *
 * @param maxSessions     web-terminal sessions served at once; callers beyond it are told to try later
 * @param connectionLimit sockets per address (IPv6: per /64), counted by the shared {@link RateLimiter}
 * @param ban             how long an address that went beyond {@code connectionLimit} is turned away
 * @param sizeWait        how long to wait for the browser's first resize message before the banner
 * @param stalledWrite    a caller whose browser stopped reading for this long is cut off
 * @param publicOrigin    the origin pages are served from behind a proxy ({@code SCROLLBACK_PUBLIC_URL}); sockets opened
 *                        by pages of other origins are refused (the request's own Host is always accepted)
 * @param clock           what the bans are timed by
 */
public record WebTerminalSettings(int maxSessions, RateLimiter.Limit connectionLimit, Duration ban, Duration sizeWait,
                                  Duration stalledWrite, Optional<URI> publicOrigin, Clock clock) {
    /** Ten sockets a minute per address, then a five-minute ban: the telnet listener's numbers. */
    public static final RateLimiter.Limit CONNECTIONS_PER_ADDRESS =
            new RateLimiter.Limit("web-terminal-connections", 10, Duration.ofMinutes(1));

    public WebTerminalSettings {
        Objects.requireNonNull(connectionLimit, "connectionLimit");
        Objects.requireNonNull(ban, "ban");
        Objects.requireNonNull(sizeWait, "sizeWait");
        Objects.requireNonNull(stalledWrite, "stalledWrite");
        Objects.requireNonNull(publicOrigin, "publicOrigin");
        Objects.requireNonNull(clock, "clock");
        if (maxSessions < 1) throw new IllegalArgumentException("maxSessions must be at least 1");
        if (ban.isNegative() || sizeWait.isNegative() || !stalledWrite.isPositive()) {
            throw new IllegalArgumentException("ban and sizeWait must not be negative; stalledWrite must be positive");
        }
    }

    /** 200 sessions, the connection limit above, a second for the first resize, a minute for a stalled browser. */
    public static WebTerminalSettings defaults(Clock clock) {
        return new WebTerminalSettings(200, CONNECTIONS_PER_ADDRESS, Duration.ofMinutes(5), Duration.ofSeconds(1),
                Duration.ofSeconds(60), Optional.empty(), clock);
    }

    public WebTerminalSettings withMaxSessions(int max) {
        return new WebTerminalSettings(max, connectionLimit, ban, sizeWait, stalledWrite, publicOrigin, clock);
    }

    public WebTerminalSettings withPublicOrigin(URI url) {
        return new WebTerminalSettings(maxSessions, connectionLimit, ban, sizeWait, stalledWrite, Optional.of(url), clock);
    }
}
