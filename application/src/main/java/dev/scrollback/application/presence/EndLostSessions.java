package dev.scrollback.application.presence;

import dev.scrollback.application.sessions.EndSession;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.domain.sessions.EndReason;
import dev.scrollback.domain.sessions.SessionEvent.SessionStarted;

/**
 * Reactor, run every few seconds on every instance: a session the log holds open whose instance has died (it stopped
 * publishing its presence, see {@link SharedPresence#lost}) ends with reason {@code instance_lost}, so who's online
 * forgets it and a projection rebuilt from the log agrees with the live one. Several survivors may end the same session
 * at once: ending an ended session appends nothing, so only one {@code SessionEnded} is recorded.
 */
public final class EndLostSessions {
    private final OnlineCallers online;
    private final SharedPresence shared;
    private final EndSession endSession;

    public EndLostSessions(OnlineCallers online, SharedPresence shared, EndSession endSession) {
        this.online = online;
        this.shared = shared;
        this.endSession = endSession;
    }

    /** Returns how many sessions it found lost (and ended, unless another survivor was quicker). */
    public int run() {
        var open = online.openSessions().stream().map(SessionStarted::session).toList();
        if (open.isEmpty()) return 0;
        var lost = shared.lost(open);
        var oldestFirst = open.stream().filter(lost::contains).toList();
        for (var session : oldestFirst) endSession.end(session, EndReason.INSTANCE_LOST, Origin.system());
        return oldestFirst.size();
    }
}
