package dev.scrollback.application.accounts;

import dev.scrollback.application.shared.Decision;
import dev.scrollback.application.shared.EventLog;
import dev.scrollback.application.shared.EventMetadata;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.domain.accounts.AccountCommand;
import dev.scrollback.domain.accounts.AccountCommand.GrantRole;
import dev.scrollback.domain.accounts.AccountCommand.RevokeRole;
import dev.scrollback.domain.accounts.AccountDecider;
import dev.scrollback.domain.accounts.AccountEvent;
import dev.scrollback.domain.accounts.AccountRejected;
import dev.scrollback.domain.accounts.AccountRejected.UnknownAccount;
import dev.scrollback.domain.accounts.AccountState;
import dev.scrollback.domain.accounts.Role;
import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.Handle;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.util.Optional;
import java.time.Instant;
import java.util.function.BiFunction;

@Named
final class ManageRolesService implements ManageRoles {
    private final EventLog log;
    private final Clock clock;
    private final AccountDirectory directory;

    @Inject
    ManageRolesService(EventLog log, Clock clock, AccountDirectory directory) {
        this.log = log;
        this.clock = clock;
        this.directory = directory;
    }

    @Override
    public Outcome grant(Caller sysop, Handle handle, Role role, Origin origin) {
        return decide(sysop, handle, origin, (account, at) -> new GrantRole(role, at));
    }

    @Override
    public Outcome revoke(Caller sysop, Handle handle, Role role, Origin origin) {
        return decide(sysop, handle, origin, (account, at) -> new RevokeRole(role, OtherSysops.count(log, directory, Optional.of(sysop.account()), account), at));
    }

    private Outcome decide(Caller sysop, Handle handle, Origin origin, BiFunction<AccountId, Instant, AccountCommand> command) {
        AccessDenied.unlessAny(sysop, Role.SYSOP);                  // checked here, whatever the adapter did
        var account = HandleLookup.accountOf(log, handle).orElseThrow(() -> new AccountRejected(new UnknownAccount()));
        var at = clock.instant();
        var decider = new AccountDecider();
        var decision = Decision.make(log, AccountStreams.account(account), decider, AccountEvent.class,
                command.apply(account, at));
        var after = decision.before();
        for (var event : decision.events()) after = decider.evolve(after, event);
        if (!(after instanceof AccountState.Registered registered)) throw new AccountRejected(new UnknownAccount());
        if (!decision.isEmpty()) {
            log.append(decision.toAppend(), EventMetadata.of(sysop.actor(), origin, at));
        }
        return new Outcome(registered.handle(), registered.effectiveRoles(), !decision.isEmpty());
    }
}
