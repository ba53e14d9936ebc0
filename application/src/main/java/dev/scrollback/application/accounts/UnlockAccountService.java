package dev.scrollback.application.accounts;

import dev.scrollback.application.shared.Decision;
import dev.scrollback.application.shared.EventLog;
import dev.scrollback.application.shared.EventMetadata;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.domain.accounts.AccountCommand.Unlock;
import dev.scrollback.domain.accounts.AccountDecider;
import dev.scrollback.domain.accounts.AccountEvent;
import dev.scrollback.domain.accounts.AccountRejected;
import dev.scrollback.domain.accounts.AccountRejected.UnknownAccount;
import dev.scrollback.domain.accounts.AccountState;
import dev.scrollback.domain.accounts.Role;
import dev.scrollback.domain.shared.Handle;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;

@Named
final class UnlockAccountService implements UnlockAccount {
    private final EventLog log;
    private final Clock clock;

    @Inject
    UnlockAccountService(EventLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    @Override
    public Outcome unlock(Caller sysop, Handle handle, Origin origin) {
        AccessDenied.unlessAny(sysop, Role.SYSOP);                  // checked here, whatever the adapter did
        var account = HandleLookup.accountOf(log, handle).orElseThrow(() -> new AccountRejected(new UnknownAccount()));
        var at = clock.instant();
        var decision = Decision.make(log, AccountStreams.account(account), new AccountDecider(), AccountEvent.class,
                new Unlock(at));
        var name = decision.before() instanceof AccountState.Registered r ? r.handle() : handle;
        if (decision.isEmpty()) return new Outcome(name, false);
        log.append(decision.toAppend(), EventMetadata.of(sysop.actor(), origin, at));
        return new Outcome(name, true);
    }
}
