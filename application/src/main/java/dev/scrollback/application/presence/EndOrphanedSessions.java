package dev.scrollback.application.presence;

import dev.scrollback.application.sessions.EndSession;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.domain.sessions.EndReason;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Reactor, run once at start-up after the projections have caught up and before the listeners open: every session
 * the log still holds open belongs to a run that ended without closing it, so it ends with reason {@code restart}.
 * (Several instances sharing a store need instance-aware ownership; that arrives with the presence issue.)
 */
@Named
public final class EndOrphanedSessions {
    private final OnlineCallers online;
    private final EndSession endSession;

    @Inject
    public EndOrphanedSessions(OnlineCallers online, EndSession endSession) {
        this.online = online;
        this.endSession = endSession;
    }

    /** Returns how many sessions it ended. */
    public int run() {
        var orphans = online.openSessions();
        for (var orphan : orphans) endSession.end(orphan.session(), EndReason.RESTART, Origin.system());
        return orphans.size();
    }
}
