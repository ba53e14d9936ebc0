package dev.scrollback.application.shared;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** A fixed-window limiter for tests of the use cases that take permits; not the adapter under test anywhere. */
public final class CountingRateLimiter implements RateLimiter {
    private final Clock clock;
    private final Map<String, Window> windows = new HashMap<>();

    private record Window(Instant start, int used) {}

    public CountingRateLimiter(Clock clock) {
        this.clock = clock;
    }

    public static RateLimiter unlimited() {
        return (limit, key) -> new Decision.Allowed(limit.permits(), limit.permits(), limit.window());
    }

    @Override
    public synchronized Decision acquire(Limit limit, String key) {
        var now = clock.instant();
        var id = limit.name() + "|" + key;
        var window = windows.get(id);
        if (window == null || !now.isBefore(window.start().plus(limit.window()))) window = new Window(now, 0);
        var resetIn = java.time.Duration.between(now, window.start().plus(limit.window()));
        if (window.used() >= limit.permits()) return new Decision.Denied(limit.permits(), resetIn);
        windows.put(id, new Window(window.start(), window.used() + 1));
        return new Decision.Allowed(limit.permits(), limit.permits() - window.used() - 1, resetIn);
    }
}
