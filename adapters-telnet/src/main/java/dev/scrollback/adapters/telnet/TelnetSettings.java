package dev.scrollback.adapters.telnet;

import dev.scrollback.application.shared.RateLimiter;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How the telnet listener runs. Timeouts and the banner belong to the session engine ({@code BbsSettings}), which
 * enforces them on every kind of connection.
 *
 * @param host             the address to bind ({@code 0.0.0.0} for all)
 * @param port             the port; 0 picks a free one ({@link TelnetServer#port()} tells which)
 * @param maxSessions      connections served at once; callers beyond it are told to try later
 * @param negotiationWait  how long to wait for the client's terminal type and size before the banner
 * @param connectionLimit  connections per address (IPv6: per /64), counted by the server's {@link RateLimiter}
 * @param ban              how long an address that went beyond {@code connectionLimit} is turned away
 * @param clock            what the bans are timed by
 */
public record TelnetSettings(String host, int port, int maxSessions, Duration negotiationWait,
                             RateLimiter.Limit connectionLimit, Duration ban, Clock clock) {
    /** Ten connections a minute per address (a burst of ten, then one every six seconds). */
    public static final RateLimiter.Limit CONNECTIONS_PER_ADDRESS =
            new RateLimiter.Limit("telnet-connections", 10, Duration.ofMinutes(1));
    public static final Duration BAN = Duration.ofMinutes(5);

    public TelnetSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(negotiationWait, "negotiationWait");
        Objects.requireNonNull(connectionLimit, "connectionLimit");
        Objects.requireNonNull(ban, "ban");
        Objects.requireNonNull(clock, "clock");
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port must be 0 to 65535");
        if (maxSessions < 1) throw new IllegalArgumentException("maxSessions must be at least 1");
        if (negotiationWait.isNegative()) throw new IllegalArgumentException("negotiationWait must not be negative");
        if (ban.isNegative()) throw new IllegalArgumentException("ban must not be negative");
    }

    /** With the default connection limit and ban, on the system clock. */
    public TelnetSettings(String host, int port, int maxSessions, Duration negotiationWait) {
        this(host, port, maxSessions, negotiationWait, CONNECTIONS_PER_ADDRESS, BAN, Clock.systemUTC());
    }

    /** SPEC §4 defaults: all interfaces, port 2323, 200 sessions, up to a second for the client's answers. */
    public static TelnetSettings defaults() {
        return new TelnetSettings("0.0.0.0", 2323, 200, Duration.ofSeconds(1));
    }

    public TelnetSettings withConnectionLimit(RateLimiter.Limit limit, Duration banFor, Clock timedBy) {
        return new TelnetSettings(host, port, maxSessions, negotiationWait, limit, banFor, timedBy);
    }
}
