package dev.scrollback.application.presence;

import dev.scrollback.application.sessions.EndSession;
import dev.scrollback.application.sessions.SessionActivity;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.domain.sessions.EndReason;
import dev.scrollback.domain.shared.Channel;
import java.time.Clock;
import java.time.Duration;

/**
 * Reactor, run periodically: web sessions have no connection that could drop, so one that has not been used for the
 * idle limit ends with reason {@code idle}. Telnet sessions time themselves out on their connection.
 */
public final class ExpireIdleSessions {
    private final OnlineCallers online;
    private final SessionActivity activity;
    private final EndSession endSession;
    private final Clock clock;
    private final Duration idleLimit;

    public ExpireIdleSessions(OnlineCallers online, SessionActivity activity, EndSession endSession, Clock clock,
                              Duration idleLimit) {
        this.online = online;
        this.activity = activity;
        this.endSession = endSession;
        this.clock = clock;
        this.idleLimit = idleLimit;
    }

    /** Returns how many sessions it ended. */
    public int run() {
        var now = clock.instant();
        int ended = 0;
        for (var session : online.openSessions()) {
            if (session.channel() != Channel.WEB) continue;
            var lastSeen = activity.lastSeen(session.session()).orElse(session.at());
            if (Duration.between(lastSeen, now).compareTo(idleLimit) >= 0) {
                endSession.end(session.session(), EndReason.IDLE, Origin.system());
                ended++;
            }
        }
        return ended;
    }
}
