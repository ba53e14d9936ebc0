package dev.scrollback.application.presence;

import dev.scrollback.application.accounts.AccountDirectory;
import dev.scrollback.application.accounts.AccountErasure;
import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.accounts.EraseAccount;
import dev.scrollback.application.accounts.PasswordHasher;
import dev.scrollback.application.accounts.TotpCodes;
import dev.scrollback.application.shared.Actor;
import dev.scrollback.application.shared.EventLog;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.domain.accounts.Secret;
import dev.scrollback.domain.sessions.EndReason;
import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.Handle;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.util.Optional;

/**
 * Lives in presence, like {@code ChangePasswordService}: after the erasure it ends every open session of the account
 * (each connection told and closed), which presence knows of. The sessions are ended by the system, not by the erased
 * caller: anything recorded about the erased account from now would be stored erased anyway.
 */
@Named
final class EraseAccountService implements EraseAccount {
    static final String ENDED_NOTICE = "This account was erased - goodbye.";

    private final AccountErasure erasure;
    private final OwnedSessions sessions;

    @Inject
    EraseAccountService(EventLog log, Clock clock, PasswordHasher hasher, TotpCodes totpCodes, AccountDirectory directory,
                        OwnedSessions sessions) {
        this.erasure = new AccountErasure(log, clock, hasher, totpCodes, directory);
        this.sessions = sessions;
    }

    @Override
    public void eraseOwn(Caller caller, Secret password, Optional<Secret> totp, Origin origin) {
        endSessions(erasure.eraseOwn(caller, password, totp, origin));
    }

    @Override
    public void eraseBySysop(Caller sysop, Handle handle, Origin origin) {
        endSessions(erasure.eraseBySysop(sysop, handle, origin));
    }

    private void endSessions(AccountId erased) {
        sessions.endAll(erased, EndReason.REVOKED, Actor.system(), Origin.system(), ENDED_NOTICE);
    }
}
