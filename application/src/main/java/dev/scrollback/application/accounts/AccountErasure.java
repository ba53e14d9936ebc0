package dev.scrollback.application.accounts;

import dev.scrollback.application.shared.Decision;
import dev.scrollback.application.shared.EventLog;
import dev.scrollback.application.shared.EventMetadata;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.domain.accounts.AccountCommand;
import dev.scrollback.domain.accounts.AccountDecider;
import dev.scrollback.domain.accounts.AccountEvent;
import dev.scrollback.domain.accounts.SecondFactorCheck;
import dev.scrollback.domain.accounts.Secret;
import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.Handle;
import java.time.Clock;
import java.util.Optional;

/**
 * The decision and the append of an erasure (decision 0021), for {@code EraseAccountService} in presence, which then
 * ends the account's sessions (presence depends on accounts, not the other way round). Answers the erased account.
 */
public final class AccountErasure {
    private final EventLog log;
    private final Clock clock;
    private final PasswordHasher hasher;
    private final TotpCodes totpCodes;
    private final AccountDirectory directory;
    private final SysopDecisions decisions;

    public AccountErasure(EventLog log, Clock clock, PasswordHasher hasher, TotpCodes totpCodes, AccountDirectory directory) {
        this.log = log;
        this.clock = clock;
        this.hasher = hasher;
        this.totpCodes = totpCodes;
        this.directory = directory;
        this.decisions = new SysopDecisions(log, clock);
    }

    public AccountId eraseOwn(Caller caller, Secret password, Optional<Secret> totp, Origin origin) {
        var at = clock.instant();
        var secondFactor = totp.map(typed -> (SecondFactorCheck) new SecondFactor(typed, totpCodes, hasher, at));
        int others = OtherSysops.count(log, directory, Optional.empty(), caller.account());
        var decision = Decision.make(log, AccountStreams.account(caller.account()), new AccountDecider(), AccountEvent.class,
                new AccountCommand.EraseOwn(hasher.checking(password), secondFactor, others, at));
        log.append(decision.toAppend(), EventMetadata.of(caller.actor(), origin.inSession(caller.session()), at));
        return caller.account();
    }

    public AccountId eraseBySysop(Caller sysop, Handle handle, Origin origin) {
        AccessDenied.unlessAny(sysop, dev.scrollback.domain.accounts.Role.SYSOP);
        var account = HandleLookup.accountOf(log, handle)
                .orElseThrow(() -> new dev.scrollback.domain.accounts.AccountRejected(new dev.scrollback.domain.accounts.AccountRejected.UnknownAccount()));
        int others = OtherSysops.count(log, directory, Optional.of(sysop.account()), account);
        return decisions.decide(sysop, handle, origin, at -> new AccountCommand.EraseBySysop(others, at)).account();
    }
}
