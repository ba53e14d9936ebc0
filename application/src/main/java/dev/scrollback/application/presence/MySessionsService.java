package dev.scrollback.application.presence;

import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.domain.sessions.EndReason;
import dev.scrollback.domain.shared.SessionId;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

@Named
final class MySessionsService implements ListMySessions, EndMySession {
    static final String ENDED_NOTICE = "This session was ended from another of your sessions - goodbye.";

    private final OwnedSessions sessions;

    @Inject
    MySessionsService(OwnedSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public List<MySession> list(Caller caller) {
        return sessions.of(caller.account(), caller.session());
    }

    @Override
    public void end(Caller caller, SessionId session, Origin origin) {
        sessions.end(caller.account(), session, EndReason.REVOKED, caller.actor(), origin.inSession(caller.session()),
                ENDED_NOTICE);
    }
}
