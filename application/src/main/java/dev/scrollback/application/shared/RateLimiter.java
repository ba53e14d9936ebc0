package dev.scrollback.application.shared;

import java.time.Duration;

/**
 * Out-port: counts attempts per key within a window (SPEC §5: per address, per account, per route; shared across
 * instances through Redis when configured, in memory otherwise). One call takes one permit.
 */
public interface RateLimiter {

    Decision acquire(Limit limit, String key);

    /**
     * For each key, a burst of {@code permits} attempts, then attempts again as fast as {@code permits} per
     * {@code window} refill them (a token bucket: over any one window a key gets at most about twice {@code permits}).
     * {@code name} keeps limits apart; limits that share a name share their counts.
     */
    record Limit(String name, int permits, Duration window) {
        public Limit {
            if (name == null || name.isBlank() || permits < 1 || window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("a limit has a name, at least one permit and a positive window");
            }
        }
    }

    sealed interface Decision {
        /** {@code remaining} permits are left; the window resets in {@code resetIn}. */
        record Allowed(int limit, int remaining, Duration resetIn) implements Decision {}

        /** No permit left: try again after {@code retryAfter}. */
        record Denied(int limit, Duration retryAfter) implements Decision {}

        /** Throws {@link RateLimited} when denied. */
        default Allowed orThrow() {
            return switch (this) {
                case Allowed a -> a;
                case Denied d -> throw new RateLimited(d.retryAfter());
            };
        }
    }
}
