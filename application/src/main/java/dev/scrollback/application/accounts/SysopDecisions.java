package dev.scrollback.application.accounts;

import dev.scrollback.application.shared.Decision;
import dev.scrollback.application.shared.EventLog;
import dev.scrollback.application.shared.EventMetadata;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.domain.accounts.AccountCommand;
import dev.scrollback.domain.accounts.AccountDecider;
import dev.scrollback.domain.accounts.AccountEvent;
import dev.scrollback.domain.accounts.AccountRejected;
import dev.scrollback.domain.accounts.AccountRejected.UnknownAccount;
import dev.scrollback.domain.accounts.AccountState;
import dev.scrollback.domain.accounts.Role;
import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.Handle;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * The shape every sysop action on an account shares: the role checked here (whatever the adapter did), the handle
 * looked up, the command decided on the account's stream and appended with the sysop as actor.
 */
public final class SysopDecisions {
    private final EventLog log;
    private final Clock clock;

    public SysopDecisions(EventLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    /** What the decision recorded (nothing when there was nothing to change), and the account as it was before. */
    public record Applied(AccountId account, AccountState.Registered before, List<AccountEvent> events, Instant at) {
        public boolean changed() {
            return !events.isEmpty();
        }
    }

    public Applied decide(Caller sysop, Handle handle, Origin origin, Function<Instant, AccountCommand> command) {
        AccessDenied.unlessAny(sysop, Role.SYSOP);
        var account = HandleLookup.accountOf(log, handle).orElseThrow(() -> new AccountRejected(new UnknownAccount()));
        var at = clock.instant();
        var decision = Decision.make(log, AccountStreams.account(account), new AccountDecider(), AccountEvent.class,
                command.apply(at));
        if (!(decision.before() instanceof AccountState.Registered before)) throw new AccountRejected(new UnknownAccount());
        if (!decision.isEmpty()) log.append(decision.toAppend(), EventMetadata.of(sysop.actor(), origin, at));
        return new Applied(account, before, decision.events(), at);
    }
}
