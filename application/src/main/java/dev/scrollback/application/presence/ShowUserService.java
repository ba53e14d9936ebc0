package dev.scrollback.application.presence;

import dev.scrollback.application.accounts.AccessDenied;
import dev.scrollback.application.accounts.AccountStreams;
import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.accounts.HandleLookup;
import dev.scrollback.application.accounts.UserSummary;
import dev.scrollback.application.shared.EventLog;
import dev.scrollback.application.shared.RecordedEvent;
import dev.scrollback.domain.accounts.AccountDecider;
import dev.scrollback.domain.accounts.AccountEvent;
import dev.scrollback.domain.accounts.AccountEvent.AccountLocked;
import dev.scrollback.domain.accounts.AccountEvent.AccountUnlocked;
import dev.scrollback.domain.accounts.AccountEvent.LoginFailed;
import dev.scrollback.domain.accounts.AccountEvent.LoginSucceeded;
import dev.scrollback.domain.accounts.AccountRejected;
import dev.scrollback.domain.accounts.AccountRejected.UnknownAccount;
import dev.scrollback.domain.accounts.AccountState;
import dev.scrollback.domain.accounts.Role;
import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.Handle;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Lives in presence because it shows open sessions: presence may read accounts, never the other way round. */
@Named
final class ShowUserService implements ShowUser {
    private final EventLog log;
    private final OnlineCallers online;
    private final Clock clock;

    @Inject
    ShowUserService(EventLog log, OnlineCallers online, Clock clock) {
        this.log = log;
        this.online = online;
        this.clock = clock;
    }

    @Override
    public UserDetails show(Caller sysop, Handle handle) {
        AccessDenied.unlessAny(sysop, Role.SYSOP);                  // checked here, whatever the adapter did
        var account = HandleLookup.accountOf(log, handle).orElseThrow(() -> new AccountRejected(new UnknownAccount()));
        var history = log.read(AccountStreams.account(account));
        if (!(new AccountDecider().replay(history.eventsOf(AccountEvent.class)) instanceof AccountState.Registered state)) {
            throw new AccountRejected(new UnknownAccount());
        }
        return new UserDetails(UserSummary.of(state, clock.instant()), state.email(), logins(history.events()),
                sessions(account));
    }

    /** The latest {@link #HISTORY} login facts, newest first: the stream is read oldest first, so walk it backwards. */
    private static List<LoginRecord> logins(List<RecordedEvent> events) {
        return events.reversed().stream()
                .flatMap(recorded -> fact(recorded.event()).map(fact -> new LoginRecord(recorded.metadata().occurredAt(),
                        recorded.metadata().origin().channel(), recorded.metadata().origin().address(),
                        recorded.metadata().actor(), fact)).stream())
                .limit(HISTORY)
                .toList();
    }

    private static Optional<LoginFact> fact(Object event) {
        return switch (event) {
            case LoginSucceeded e -> Optional.of(new LoginFact.Succeeded(e.session()));
            case LoginFailed e -> Optional.of(new LoginFact.Failed(e.reason()));
            case AccountLocked e -> Optional.of(new LoginFact.Locked(e.cause(), e.until(), e.note()));
            case AccountUnlocked e -> Optional.of(new LoginFact.Unlocked(e.reason()));
            default -> Optional.empty();                        // not about getting in
        };
    }

    private List<OpenSession> sessions(AccountId account) {
        return online.openSessions().stream()
                .filter(started -> started.account().equals(account))
                .map(started -> new OpenSession(started.session(), started.channel(), started.address(), started.at()))
                .toList();
    }
}
