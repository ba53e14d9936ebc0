package dev.scrollback.application.accounts;

import dev.scrollback.application.shared.EventLog;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.domain.accounts.AccountCommand.ResetTotp;
import dev.scrollback.domain.shared.Handle;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;

@Named
final class ResetAccountTotpService implements ResetAccountTotp {
    private final SysopDecisions decisions;

    @Inject
    ResetAccountTotpService(EventLog log, Clock clock) {
        this.decisions = new SysopDecisions(log, clock);
    }

    @Override
    public Outcome reset(Caller sysop, Handle handle, Origin origin) {
        var applied = decisions.decide(sysop, handle, origin, ResetTotp::new);
        return new Outcome(applied.before().handle(), applied.changed());
    }
}
