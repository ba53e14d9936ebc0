package dev.scrollback.adapters.web.terminal;

import dev.scrollback.application.shared.RateLimiter;
import dev.scrollback.application.shared.RateLimiter.Decision.Allowed;
import dev.scrollback.domain.shared.RemoteAddress;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may open a web terminal (SPEC §5), as the telnet listener decides for telnet: each address has {@code limit}
 * sockets (counted by the shared {@link RateLimiter}); one beyond it bans the address for {@code ban}, during which the
 * limiter is not asked. Bans are this instance's, at most {@link #MAX_BANS}. A limiter that fails lets callers in.
 * (The adapters cannot share code, so this mirrors adapters-telnet's ConnectionGate.)
 */
final class TerminalGate {
    static final int MAX_BANS = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(TerminalGate.class);

    private final RateLimiter limiter;
    private final RateLimiter.Limit limit;
    private final Duration ban;
    private final Clock clock;
    private final Map<String, Instant> bannedUntil = new ConcurrentHashMap<>();

    TerminalGate(RateLimiter limiter, RateLimiter.Limit limit, Duration ban, Clock clock) {
        this.limiter = limiter;
        this.limit = limit;
        this.ban = ban;
        this.clock = clock;
    }

    /** Empty when the caller may come in; otherwise how long until they may try again. */
    Optional<Duration> refusal(Optional<RemoteAddress> address) {
        var key = key(address);
        var now = clock.instant();
        var until = bannedUntil.get(key);
        if (until != null) {
            if (now.isBefore(until)) return Optional.of(Duration.between(now, until));
            bannedUntil.remove(key, until);
        }
        RateLimiter.Decision decision;
        try {
            decision = limiter.acquire(limit, key);
        } catch (RuntimeException e) {
            LOG.warn("The web-terminal connection limiter failed; letting the caller in", e);
            return Optional.empty();
        }
        if (decision instanceof Allowed) return Optional.empty();
        if (bannedUntil.size() >= MAX_BANS) bannedUntil.values().removeIf(end -> !now.isBefore(end));
        if (bannedUntil.size() < MAX_BANS) {
            LOG.info("Web terminal: {} opened too many sockets; banned for {}", key, ban);
            bannedUntil.put(key, now.plus(ban));
        }
        return Optional.of(ban);
    }

    /** IPv4 addresses one by one; IPv6 by /64, the block one host usually holds. */
    static String key(Optional<RemoteAddress> address) {
        if (address.isEmpty()) return "unknown";
        try {
            var ip = InetAddress.getByName(address.get().value());      // a literal: no lookup
            if (ip instanceof Inet6Address) return HexFormat.of().formatHex(Arrays.copyOf(ip.getAddress(), 8)) + "::/64";
            return ip.getHostAddress();
        } catch (UnknownHostException notALiteral) {
            return address.get().value();
        }
    }
}
