package dev.scrollback.application.accounts;

import dev.scrollback.domain.accounts.AccountEvent.LockCause;
import dev.scrollback.domain.accounts.AccountState.Registered;
import dev.scrollback.domain.accounts.LockNote;
import java.time.Instant;
import java.util.Optional;

/**
 * A lock in force on an account, as a sysop is shown it: why, until when (empty: until a sysop unlocks it) and the
 * note a sysop left for the owner. A sysop's lock outranks one from failed logins.
 */
public record AccountLock(LockCause cause, Optional<Instant> until, Optional<LockNote> note) {

    /** The lock in force at {@code at}, if any. */
    public static Optional<AccountLock> of(Registered account, Instant at) {
        var bySysop = account.sysopLockAt(at).map(l -> new AccountLock(LockCause.SYSOP, l.until(), l.note()));
        if (bySysop.isPresent()) return bySysop;
        return account.attempts().lockAt(at)
                .map(l -> new AccountLock(LockCause.FAILED_LOGINS, Optional.of(l.until()), Optional.empty()));
    }
}
