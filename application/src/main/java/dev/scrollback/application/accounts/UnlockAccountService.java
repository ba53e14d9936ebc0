package dev.scrollback.application.accounts;

import dev.scrollback.application.shared.EventLog;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.domain.accounts.AccountCommand.Unlock;
import dev.scrollback.domain.shared.Handle;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;

@Named
final class UnlockAccountService implements UnlockAccount {
    private final SysopDecisions decisions;

    @Inject
    UnlockAccountService(EventLog log, Clock clock) {
        this.decisions = new SysopDecisions(log, clock);
    }

    @Override
    public Outcome unlock(Caller sysop, Handle handle, Origin origin) {
        var applied = decisions.decide(sysop, handle, origin, Unlock::new);
        return new Outcome(applied.before().handle(), applied.changed());
    }
}
