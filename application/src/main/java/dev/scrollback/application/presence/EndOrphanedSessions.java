package dev.scrollback.application.presence;

import dev.scrollback.application.sessions.EndSession;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.domain.sessions.EndReason;
import dev.scrollback.domain.sessions.SessionEvent.SessionStarted;
import dev.scrollback.domain.shared.SessionId;
import java.util.List;
import java.util.Optional;

/**
 * Reactor, run once at start-up after the projections have caught up and before the listeners open. Alone, every
 * session the log still holds open belongs to a run that ended without closing it, so it ends with reason
 * {@code restart}. Among other instances, most open sessions are theirs and alive: only those {@link SharedPresence}
 * says are lost end, with reason {@code instance_lost} (the rest that are lost are ended by {@link EndLostSessions}).
 */
public final class EndOrphanedSessions {
    private final OnlineCallers online;
    private final EndSession endSession;
    private final Optional<SharedPresence> shared;

    /** The only instance on its store. */
    public EndOrphanedSessions(OnlineCallers online, EndSession endSession) {
        this.online = online;
        this.endSession = endSession;
        this.shared = Optional.empty();
    }

    /** One of several instances sharing the store, which know of each other through {@code shared}. */
    public EndOrphanedSessions(OnlineCallers online, EndSession endSession, SharedPresence shared) {
        this.online = online;
        this.endSession = endSession;
        this.shared = Optional.of(shared);
    }

    /** Returns how many sessions it ended. */
    public int run() {
        var open = online.openSessions().stream().map(SessionStarted::session).toList();
        if (shared.isEmpty()) return end(open, EndReason.RESTART);
        var lost = shared.get().lost(open);
        return end(open.stream().filter(lost::contains).toList(), EndReason.INSTANCE_LOST);
    }

    private int end(List<SessionId> sessions, EndReason reason) {
        for (var session : sessions) endSession.end(session, reason, Origin.system());
        return sessions.size();
    }
}
