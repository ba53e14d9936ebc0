package dev.scrollback.application.presence;

import dev.scrollback.application.accounts.AccessDenied;
import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.accounts.HandleLookup;
import dev.scrollback.application.shared.EventLog;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.domain.accounts.AccountRejected;
import dev.scrollback.domain.accounts.Role;
import dev.scrollback.domain.sessions.EndReason;
import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.Handle;
import dev.scrollback.domain.shared.InvalidValue;
import dev.scrollback.domain.shared.SessionId;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Optional;

@Named
final class KickSessionService implements KickSession {
    private final OwnedSessions sessions;
    private final EventLog log;

    @Inject
    KickSessionService(OwnedSessions sessions, EventLog log) {
        this.sessions = sessions;
        this.log = log;
    }

    @Override
    public List<MySession> sessionsOf(Caller sysop, Handle handle) {
        AccessDenied.unlessAny(sysop, Role.SYSOP);
        return sessions.of(accountOf(handle), sysop.sessionIfAny());
    }

    @Override
    public void kick(Caller sysop, Handle handle, SessionId session, Optional<String> message, Origin origin) {
        AccessDenied.unlessAny(sysop, Role.SYSOP);
        var text = message.map(String::strip).filter(m -> !m.isEmpty());
        if (text.isPresent() && (text.get().length() > MAX_MESSAGE || text.get().chars().anyMatch(Character::isISOControl))) {
            throw new InvalidValue("message", "must be one line of at most " + MAX_MESSAGE + " characters");
        }
        sessions.end(accountOf(handle), session, EndReason.KICKED, sysop.actor(), origin.inSession(sysop.sessionIfAny()),
                "A sysop ended your session" + text.map(t -> ": " + t).orElse(".") + " Goodbye.");
    }

    private AccountId accountOf(Handle handle) {
        return HandleLookup.accountOf(log, handle)
                .orElseThrow(() -> new AccountRejected(new AccountRejected.UnknownAccount()));
    }
}
