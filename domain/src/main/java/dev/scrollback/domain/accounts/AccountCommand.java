package dev.scrollback.domain.accounts;

import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.Handle;
import dev.scrollback.domain.shared.SessionId;
import java.time.Instant;
import java.util.Optional;

/** What can be asked of an account. Time arrives on the command: the domain never reads a clock. */
public sealed interface AccountCommand {
    Instant at();

    record Register(AccountId account, Handle handle, Optional<EmailAddress> email, PasswordHash passwordHash, Instant at)
            implements AccountCommand {}

    /** Registers an account that is verified and holds the sysop role from the start (SPEC §4, first sysop). */
    record RegisterSysop(AccountId account, Handle handle, Optional<EmailAddress> email, PasswordHash passwordHash, Instant at)
            implements AccountCommand {}

    /** Records that a fresh verification code was mailed; only its hash is kept. */
    record IssueEmailVerification(PasswordHash codeHash, Instant expiresAt, Instant at) implements AccountCommand {}

    record VerifyEmail(SecretCheck code, Instant at) implements AccountCommand {}

    /** {@code unlockCode} checks the code mailed when the account was locked; it matters only while the lock holds. */
    record LogIn(SecretCheck password, Optional<SecretCheck> unlockCode, Optional<SecondFactorCheck> secondFactor,
                 SessionId session, Instant at) implements AccountCommand {
        public LogIn(SecretCheck password, Optional<SecretCheck> unlockCode, SessionId session, Instant at) {
            this(password, unlockCode, Optional.empty(), session, at);
        }

        public LogIn(SecretCheck password, SessionId session, Instant at) {
            this(password, Optional.empty(), Optional.empty(), session, at);
        }
    }

    /** Turns on TOTP with a fresh key and recovery codes (only their hashes); the password confirms it is the owner. */
    record EnrolTotp(SecretCheck password, TotpSecret secret, RecoveryCodeHashes recoveryCodes, Instant at)
            implements AccountCommand {}

    /** Turns TOTP off; the password confirms it is the owner. */
    record DisableTotp(SecretCheck password, Instant at) implements AccountCommand {}

    /**
     * Replaces the password. {@code current} checks what the caller typed as the current password; {@code next} is the
     * new one in plain text (for the policy, never stored), {@code nextCheck} checks it against the stored hash (it
     * must differ), {@code nextHash} is what is stored. {@code common} is the breached-password list.
     */
    record ChangePassword(SecretCheck current, Secret next, SecretCheck nextCheck, PasswordHash nextHash,
                          CommonPasswords common, Optional<SessionId> keptSession, Instant at) implements AccountCommand {}

    /** Records the hash of the unlock code mailed for the current lock. */
    record IssueUnlockCode(PasswordHash codeHash, Instant at) implements AccountCommand {}

    /** A sysop lifts a lock (and any slow-down); the sysop is the actor in the envelope. */
    record Unlock(Instant at) implements AccountCommand {}

    record LogOut(SessionId session, Instant at) implements AccountCommand {}

    /**
     * Records that a reset code was mailed ({@code codeDigest} keeps only its digest). {@code cause} SYSOP: a sysop
     * requires the reset, and the current password stops working at once.
     */
    record RequestPasswordReset(PasswordHash codeDigest, Instant expiresAt, AccountEvent.ResetCause cause, Instant at)
            implements AccountCommand {}

    /**
     * Sets a new password with the mailed reset code. {@code next} is the new password in plain text (for the policy,
     * never stored); {@code nextHash} is what is stored; {@code common} is the breached-password list.
     */
    record CompletePasswordReset(SecretCheck code, Secret next, PasswordHash nextHash, CommonPasswords common, Instant at)
            implements AccountCommand {}

    /** A sysop locks the account: for a time ({@code until}) or, when empty, until a sysop unlocks it. */
    record Lock(Optional<Instant> until, Optional<LockNote> note, Instant at) implements AccountCommand {}

    /** A sysop turns TOTP off for an owner who lost both authenticator and recovery codes. */
    record ResetTotp(Instant at) implements AccountCommand {}

    /**
     * The owner erases their own account, confirming with the password and, when TOTP is on, an authenticator or
     * recovery code. {@code otherSysops}: as for {@link RevokeRole}, the last sysop cannot go.
     */
    record EraseOwn(SecretCheck password, Optional<SecondFactorCheck> secondFactor, int otherSysops, Instant at)
            implements AccountCommand {}

    /** A sysop (the actor) erases an account. {@code otherSysops}: as for {@link RevokeRole}. */
    record EraseBySysop(int otherSysops, Instant at) implements AccountCommand {}

    record GrantRole(Role role, Instant at) implements AccountCommand {}

    /**
     * Takes a role away. {@code otherSysops} is how many accounts other than this one hold the sysop role (the caller
     * knows, from the directory): the last sysop keeps the role, or nobody could administer the board any more.
     */
    record RevokeRole(Role role, int otherSysops, Instant at) implements AccountCommand {}
}
