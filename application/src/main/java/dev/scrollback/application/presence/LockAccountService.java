package dev.scrollback.application.presence;

import dev.scrollback.application.accounts.AccessDenied;
import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.accounts.HandleLookup;
import dev.scrollback.application.accounts.LockAccount;
import dev.scrollback.application.accounts.OwnAccountRefused;
import dev.scrollback.application.accounts.SysopDecisions;
import dev.scrollback.application.shared.EventLog;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.domain.accounts.AccountCommand.Lock;
import dev.scrollback.domain.accounts.LockNote;
import dev.scrollback.domain.accounts.Role;
import dev.scrollback.domain.sessions.EndReason;
import dev.scrollback.domain.shared.Handle;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** In presence: it ends the account's sessions found there. */
@Named
final class LockAccountService implements LockAccount {
    private final SysopDecisions decisions;
    private final OwnedSessions sessions;
    private final EventLog log;

    @Inject
    LockAccountService(EventLog log, Clock clock, OwnedSessions sessions) {
        this.decisions = new SysopDecisions(log, clock);
        this.sessions = sessions;
        this.log = log;
    }

    @Override
    public Outcome lock(Caller sysop, Handle handle, Optional<Instant> until, Optional<LockNote> note, Origin origin) {
        AccessDenied.unlessAny(sysop, Role.SYSOP);
        if (HandleLookup.accountOf(log, handle).filter(sysop.account()::equals).isPresent()) {
            throw new OwnAccountRefused("lock");              // perhaps nobody would be left to unlock it
        }
        var applied = decisions.decide(sysop, handle, origin, at -> new Lock(until, note, at));
        var notice = "A sysop locked your account" + until.map(u -> " until " + u).orElse("")
                + note.map(n -> ": " + n.value()).orElse(".") + " Goodbye.";
        int ended = sessions.endAll(applied.account(), EndReason.KICKED, sysop.actor(), origin, notice);
        return new Outcome(applied.before().handle(), until, ended);
    }
}
