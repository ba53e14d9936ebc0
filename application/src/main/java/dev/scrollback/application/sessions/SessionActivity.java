package dev.scrollback.application.sessions;

import dev.scrollback.domain.shared.SessionId;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When each session last did something, in memory on this instance. Not an event: activity is too frequent and too
 * fleeting to record; idle expiry only needs it while the instance lives.
 */
@Named
public final class SessionActivity {
    private final Map<SessionId, Instant> lastSeen = new ConcurrentHashMap<>();
    private final Clock clock;

    @Inject
    public SessionActivity(Clock clock) {
        this.clock = clock;
    }

    public void touch(SessionId session) {
        lastSeen.put(session, clock.instant());
    }

    public Optional<Instant> lastSeen(SessionId session) {
        return Optional.ofNullable(lastSeen.get(session));
    }

    public void forget(SessionId session) {
        lastSeen.remove(session);
    }
}
