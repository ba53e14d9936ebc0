package dev.scrollback.application.presence;

import dev.scrollback.application.sessions.SessionActivity;
import dev.scrollback.domain.sessions.SessionEvent.SessionStarted;
import java.time.Clock;
import java.time.Duration;
import java.util.stream.Collectors;

/**
 * Run every few seconds on every instance: tells the others which sessions this instance serves and what their callers
 * are doing ({@link SharedPresence#publish}), which is also its heartbeat. Published: the sessions of this instance's
 * {@link SessionActivity} that the log holds open, and those seen within {@link #JUST_STARTED} (a login the projection
 * has not applied yet) — not sessions that ended elsewhere long ago, which the activity may still remember.
 */
public final class PublishPresence {
    /** Longer than the projection can plausibly lag behind a login. */
    static final Duration JUST_STARTED = Duration.ofMinutes(1);

    private final SessionActivity activity;
    private final OnlineCallers online;
    private final SharedPresence shared;
    private final Clock clock;

    public PublishPresence(SessionActivity activity, OnlineCallers online, SharedPresence shared, Clock clock) {
        this.activity = activity;
        this.online = online;
        this.shared = shared;
        this.clock = clock;
    }

    /** Returns how many sessions it published. */
    public int run() {
        var open = online.openSessions().stream().map(SessionStarted::session).collect(Collectors.toSet());
        var recent = clock.instant().minus(JUST_STARTED);
        var served = activity.local().stream()
                .filter(p -> open.contains(p.session()) || p.lastSeen().isAfter(recent))
                .toList();
        shared.publish(served);
        return served.size();
    }
}
