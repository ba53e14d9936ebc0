package dev.scrollback.application.accounts;

import dev.scrollback.application.shared.Decision.Loaded;
import dev.scrollback.application.shared.EventLog;
import dev.scrollback.domain.accounts.AccountDecider;
import dev.scrollback.domain.accounts.AccountEvent;
import dev.scrollback.domain.accounts.AccountState;
import dev.scrollback.application.sessions.SessionStreams;
import dev.scrollback.domain.sessions.SessionEvent;
import dev.scrollback.domain.shared.Channel;
import dev.scrollback.domain.shared.SessionId;
import jakarta.inject.Inject;
import java.util.Optional;
import jakarta.inject.Named;

@Named
final class ShowProfileService implements ShowProfile {
    private final EventLog log;

    @Inject
    ShowProfileService(EventLog log) {
        this.log = log;
    }

    @Override
    public Profile show(Caller caller) {
        var state = Loaded.load(log, AccountStreams.account(caller.account()), new AccountDecider(), AccountEvent.class).state();
        if (!(state instanceof AccountState.Registered r)) {
            throw new IllegalStateException("a logged-in caller has an account: " + caller.account());
        }
        var previous = r.logins().previous().map(login -> new PreviousLogin(login.at(), startOf(login.session())
                .map(SessionEvent.SessionStarted::channel).orElse(Channel.SYSTEM), startOf(login.session()).flatMap(
                SessionEvent.SessionStarted::address)));
        return new Profile(r.account(), r.handle(), r.email(), r.emailVerified(), r.effectiveRoles(), r.registeredAt(),
                r.lastLogin(), previous, r.logins().failedBeforeLatest());
    }

    /** The session a login opened says its channel and address (the login event itself does not). */
    private Optional<SessionEvent.SessionStarted> startOf(SessionId session) {
        return log.read(SessionStreams.session(session)).eventsOf(SessionEvent.class).stream()
                .filter(SessionEvent.SessionStarted.class::isInstance).map(SessionEvent.SessionStarted.class::cast).findFirst();
    }
}
