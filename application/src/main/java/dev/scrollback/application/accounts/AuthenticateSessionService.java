package dev.scrollback.application.accounts;

import dev.scrollback.application.sessions.SessionActivity;
import dev.scrollback.application.sessions.SessionStreams;
import dev.scrollback.application.shared.Decision.Loaded;
import dev.scrollback.application.shared.EventLog;
import dev.scrollback.domain.accounts.AccountDecider;
import dev.scrollback.domain.accounts.AccountEvent;
import dev.scrollback.domain.accounts.AccountState;
import dev.scrollback.domain.sessions.SessionDecider;
import dev.scrollback.domain.sessions.SessionEvent;
import dev.scrollback.domain.sessions.SessionState;
import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.SessionId;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.util.Optional;

@Named
final class AuthenticateSessionService implements AuthenticateSession {
    private final EventLog log;
    private final SessionActivity activity;
    private final Clock clock;

    @Inject
    AuthenticateSessionService(EventLog log, SessionActivity activity, Clock clock) {
        this.log = log;
        this.activity = activity;
        this.clock = clock;
    }

    @Override
    public Optional<Caller> authenticate(SessionId session, AccountId account) {
        var state = Loaded.load(log, SessionStreams.session(session), new SessionDecider(session), SessionEvent.class).state();
        if (!(state instanceof SessionState.Open open) || !open.started().account().equals(account)) return Optional.empty();
        var holder = Loaded.load(log, AccountStreams.account(account), new AccountDecider(), AccountEvent.class).state();
        // A sysop's lock or forced reset ends the sessions too; this also covers one that started a moment before.
        if (!(holder instanceof AccountState.Registered r) || !r.mayActAt(clock.instant())
                || !r.acceptsSession(session, open.started().at())) {
            return Optional.empty();
        }
        activity.touch(session);
        return Optional.of(new Caller(account, r.handle(), session, r.effectiveRoles()));
    }
}
