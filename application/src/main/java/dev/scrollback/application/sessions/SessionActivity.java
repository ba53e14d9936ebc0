package dev.scrollback.application.sessions;

import dev.scrollback.application.shared.Activity;
import dev.scrollback.application.shared.Presence;
import dev.scrollback.domain.shared.SessionId;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * When each session of this instance last did something, and what its caller is doing, in memory. Not events:
 * activity is too frequent and too fleeting to record. Idle expiry and who's online read it; other instances see it
 * through {@link dev.scrollback.application.presence.SharedPresence}, published from {@link #local()}.
 */
@Named
public final class SessionActivity {
    private final Map<SessionId, Presence> sessions = new ConcurrentHashMap<>();
    private final Clock clock;
    private volatile Consumer<Presence> changes = presence -> { };

    @Inject
    public SessionActivity(Clock clock) {
        this.clock = clock;
    }

    /** The caller did something now (a key, a request); what they are doing stays as it was. */
    public void touch(SessionId session) {
        var now = clock.instant();
        sessions.compute(session, (id, known) -> new Presence(id, now, known == null ? Activity.WEB : known.activity()));
    }

    /** The caller turned to {@code activity} now (a screen, a page). */
    public void doing(SessionId session, Activity activity) {
        var now = new Presence(session, clock.instant(), activity);
        var before = sessions.put(session, now);
        if (before == null || !before.activity().equals(activity)) changes.accept(now);
    }

    /** {@code listener} hears each change of what a session of this instance is doing (not every key); quick, please. */
    public void onChange(Consumer<Presence> listener) {
        this.changes = listener;
    }

    public Optional<Instant> lastSeen(SessionId session) {
        return presence(session).map(Presence::lastSeen);
    }

    public Optional<Presence> presence(SessionId session) {
        return Optional.ofNullable(sessions.get(session));
    }

    /** Every session of this instance that has done anything, for other instances to see. */
    public List<Presence> local() {
        return List.copyOf(sessions.values());
    }

    public void forget(SessionId session) {
        sessions.remove(session);
    }
}
