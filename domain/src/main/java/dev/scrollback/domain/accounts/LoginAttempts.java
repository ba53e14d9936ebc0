package dev.scrollback.domain.accounts;

import dev.scrollback.domain.accounts.AccountRejected.LockedOut;
import dev.scrollback.domain.accounts.AccountRejected.SlowDown;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The lockout policy (SPEC §5, issue 3), as a value: consecutive wrong passwords, when the last one was, and any lock.
 * From the 5th consecutive failure on, the next attempt must wait: 1 s after the 5th, doubling with each further
 * failure (2, 4, 8, 16 s), never more than 60 s. The 10th locks the account for 15 minutes and starts the count
 * afresh. An attempt that comes too early is refused before any password is looked at. Unknown handles run through
 * exactly the same value in memory, so they answer alike.
 */
public record LoginAttempts(int consecutiveFailures, Optional<Instant> lastFailureAt, Optional<Lock> lock) {
    public static final int SLOW_DOWN_FROM = 5;
    public static final int LOCK_AT = 10;
    public static final Duration LOCK_FOR = Duration.ofMinutes(15);
    public static final Duration FIRST_DELAY = Duration.ofSeconds(1);
    public static final Duration MAX_DELAY = Duration.ofSeconds(60);

    /** Until when the account is locked, and the hash of the mailed code that lets its owner in meanwhile. */
    public record Lock(Instant until, Optional<PasswordHash> unlockCodeHash) {}

    public static LoginAttempts none() {
        return new LoginAttempts(0, Optional.empty(), Optional.empty());
    }

    /** How long to wait after the {@code failures}-th consecutive failure (zero below {@link #SLOW_DOWN_FROM}). */
    public static Duration delayAfter(int failures) {
        if (failures < SLOW_DOWN_FROM) return Duration.ZERO;
        int doublings = Math.min(failures - SLOW_DOWN_FROM, 16);
        var delay = FIRST_DELAY.multipliedBy(1L << doublings);
        return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
    }

    /** The lock in force at {@code at}, if any (an expired lock no longer counts). */
    public Optional<Lock> lockAt(Instant at) {
        return lock.filter(l -> at.isBefore(l.until()));
    }

    /** The earliest instant the next attempt is looked at, while slowed down. */
    public Optional<Instant> notBefore() {
        return lastFailureAt.filter(last -> consecutiveFailures >= SLOW_DOWN_FROM).map(last -> last.plus(delayAfter(consecutiveFailures)));
    }

    /** Why an attempt at {@code at} is refused without looking at the password, if it is. */
    public Optional<AccountRejected.Reason> refusal(Instant at) {
        var locked = lockAt(at);
        if (locked.isPresent()) return Optional.of(new LockedOut(locked.get().until()));
        return notBefore().filter(at::isBefore).map(SlowDown::new);
    }

    /** Whether one more failure reaches {@link #LOCK_AT}. */
    public boolean nextFailureLocks() {
        return consecutiveFailures + 1 >= LOCK_AT;
    }

    public LoginAttempts failed(Instant at) {
        return new LoginAttempts(consecutiveFailures + 1, Optional.of(at), lock);
    }

    /** Locked: the count starts afresh, so after the lock ends the slow-down starts again from the 5th failure. */
    public LoginAttempts locked(Instant until) {
        return new LoginAttempts(0, Optional.empty(), Optional.of(new Lock(until, Optional.empty())));
    }

    public LoginAttempts withUnlockCode(PasswordHash codeHash) {
        return new LoginAttempts(consecutiveFailures, lastFailureAt,
                lock.map(l -> new Lock(l.until(), Optional.of(codeHash))));
    }
}
