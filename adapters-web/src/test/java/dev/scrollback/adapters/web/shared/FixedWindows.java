package dev.scrollback.adapters.web.shared;

import dev.scrollback.application.shared.ControlledClock;
import dev.scrollback.application.shared.RateLimiter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** The simplest limiter that fits the port (a fixed window per key on the test's clock); records what it was asked. */
public final class FixedWindows implements RateLimiter {
    public record Asked(String limit, String key) {}

    private record Window(Instant start, int used) {}

    private final ControlledClock clock;
    private final Map<Asked, Window> windows = new ConcurrentHashMap<>();
    public final List<Asked> asked = new CopyOnWriteArrayList<>();

    public FixedWindows(ControlledClock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized Decision acquire(Limit limit, String key) {
        var id = new Asked(limit.name(), key);
        asked.add(id);
        var now = clock.instant();
        var window = windows.get(id);
        if (window == null || !now.isBefore(window.start().plus(limit.window()))) window = new Window(now, 0);
        var resetIn = Duration.between(now, window.start().plus(limit.window()));
        if (window.used() >= limit.permits()) return new Decision.Denied(limit.permits(), resetIn);
        windows.put(id, new Window(window.start(), window.used() + 1));
        return new Decision.Allowed(limit.permits(), limit.permits() - window.used() - 1, resetIn);
    }
}
