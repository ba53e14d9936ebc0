package dev.scrollback.application.presence;

import dev.scrollback.application.sessions.EndSession;
import dev.scrollback.application.sessions.SessionActivity;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.application.shared.Presence;
import dev.scrollback.domain.sessions.EndReason;
import dev.scrollback.domain.shared.Channel;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Reactor, run periodically: web sessions have no connection that could drop, so one that has not been used for the
 * idle limit ends with reason {@code idle}. Telnet sessions time themselves out on their connection. With several
 * instances a web session's requests may land on any of them: it is idle only if it is idle on every one
 * ({@link SharedPresence}).
 */
public final class ExpireIdleSessions {
    private final OnlineCallers online;
    private final SessionActivity activity;
    private final EndSession endSession;
    private final Clock clock;
    private final Duration idleLimit;
    private final Optional<SharedPresence> shared;

    public ExpireIdleSessions(OnlineCallers online, SessionActivity activity, EndSession endSession, Clock clock,
                              Duration idleLimit) {
        this(online, activity, endSession, clock, idleLimit, Optional.empty());
    }

    public ExpireIdleSessions(OnlineCallers online, SessionActivity activity, EndSession endSession, Clock clock,
                              Duration idleLimit, Optional<SharedPresence> shared) {
        this.shared = shared;
        this.online = online;
        this.activity = activity;
        this.endSession = endSession;
        this.clock = clock;
        this.idleLimit = idleLimit;
    }

    /** Returns how many sessions it ended. */
    public int run() {
        var now = clock.instant();
        var elsewhere = shared.map(SharedPresence::others).orElse(Map.of());
        int ended = 0;
        for (var session : online.openSessions()) {
            if (session.channel() != Channel.WEB) continue;
            var here = activity.lastSeen(session.session()).orElse(session.at());
            var there = Optional.ofNullable(elsewhere.get(session.session())).map(Presence::lastSeen).orElse(here);
            var lastSeen = there.isAfter(here) ? there : here;
            if (Duration.between(lastSeen, now).compareTo(idleLimit) >= 0) {
                endSession.end(session.session(), EndReason.IDLE, Origin.system());
                ended++;
            }
        }
        return ended;
    }
}
