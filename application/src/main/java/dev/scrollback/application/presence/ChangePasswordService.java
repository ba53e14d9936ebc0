package dev.scrollback.application.presence;

import dev.scrollback.application.accounts.AccountStreams;
import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.accounts.ChangePassword;
import dev.scrollback.application.accounts.PasswordHasher;
import dev.scrollback.application.shared.Decision;
import dev.scrollback.application.shared.EventLog;
import dev.scrollback.application.shared.EventMetadata;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.domain.accounts.AccountCommand;
import dev.scrollback.domain.accounts.AccountDecider;
import dev.scrollback.domain.accounts.AccountEvent;
import dev.scrollback.domain.accounts.AccountRejected;
import dev.scrollback.domain.accounts.AccountState;
import dev.scrollback.domain.accounts.PasswordPolicy;
import dev.scrollback.domain.accounts.CommonPasswords;
import dev.scrollback.domain.accounts.Secret;
import dev.scrollback.domain.sessions.EndReason;
import dev.scrollback.domain.sessions.SessionRejected;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;

/**
 * Lives in presence, not accounts: it ends sessions found in the {@link OnlineCallers} projection, and presence
 * already depends on accounts (the other way round would be a cycle).
 */
@Named
final class ChangePasswordService implements ChangePassword {
    static final String ENDED_NOTICE = "Your password was changed from another of your sessions - goodbye.";

    private final EventLog log;
    private final PasswordHasher hasher;
    private final CommonPasswords common;
    private final Clock clock;
    private final OwnedSessions sessions;

    @Inject
    ChangePasswordService(EventLog log, PasswordHasher hasher, CommonPasswords common, Clock clock, OwnedSessions sessions) {
        this.log = log;
        this.hasher = hasher;
        this.common = common;
        this.clock = clock;
        this.sessions = sessions;
    }

    @Override
    public void change(Caller caller, Secret current, Secret next, Origin origin) {
        var at = clock.instant();
        var inSession = origin.inSession(caller.session());
        var stream = AccountStreams.account(caller.account());
        // The current password and the policy are checked before the new one is hashed: a wrong guess costs one
        // Argon2 run, not two. The decider checks both again on the state it decides on.
        var currentCheck = hasher.checking(current);
        if (Decision.Loaded.load(log, stream, new AccountDecider(), AccountEvent.class).state() instanceof AccountState.Registered r) {
            if (!currentCheck.matches(r.passwordHash())) throw new AccountRejected(new AccountRejected.WrongPassword());
            PasswordPolicy.check(next, r.handle(), r.email(), common)
                    .ifPresent(weakness -> { throw new AccountRejected(new AccountRejected.WeakPassword(weakness)); });
        }
        var decision = Decision.make(log, stream, new AccountDecider(), AccountEvent.class,
                new AccountCommand.ChangePassword(currentCheck, next, hasher.checking(next), hasher.hash(next), common,
                        java.util.Optional.of(caller.session()), at));
        log.append(decision.toAppend(), EventMetadata.of(caller.actor(), inSession, at));
        for (var other : sessions.of(caller.account(), caller.session())) {
            if (other.current()) continue;
            try {
                sessions.end(caller.account(), other.session(), EndReason.REVOKED, caller.actor(), inSession, ENDED_NOTICE);
            } catch (SessionRejected endedMeanwhile) {
                // it ended on its own between the listing and now: nothing left to do
            }
        }
    }
}
