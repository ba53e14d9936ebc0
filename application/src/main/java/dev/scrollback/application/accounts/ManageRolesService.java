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
import java.util.HashSet;
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
        return decide(sysop, handle, origin, (account, at) -> new RevokeRole(role, otherSysops(sysop, account), at));
    }

    /**
     * The directory says who may hold the sysop role, but it may lag the log: each candidate is confirmed from their own
     * stream, so a sysop revoked a moment ago never counts. The calling sysop's role was just read from the log, so they
     * count even before the directory has seen them: a sysop can always take the role from another one.
     */
    private int otherSysops(Caller sysop, AccountId target) {
        var candidates = new HashSet<>(directory.sysops());
        candidates.add(sysop.account());                            // the caller is a sysop: checked before this runs
        candidates.remove(target);
        return (int) candidates.stream().filter(this::holdsSysop).count();
    }

    private boolean holdsSysop(AccountId account) {
        var loaded = Decision.Loaded.load(log, AccountStreams.account(account), new AccountDecider(), AccountEvent.class);
        return loaded.state() instanceof AccountState.Registered r && r.roles().contains(Role.SYSOP);
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
