package dev.scrollback.domain.accounts;

import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.DomainEvent;
import dev.scrollback.domain.shared.Handle;
import dev.scrollback.domain.shared.SessionId;
import java.time.Instant;
import java.util.Optional;

/** Facts about one account, stored on stream {@code account-<uuid>}. Names are a public contract (SPEC §3). */
public sealed interface AccountEvent extends DomainEvent {
    AccountId account();

    Instant at();

    /** {@code email} is personal data. */
    record AccountRegistered(AccountId account, Handle handle, Optional<EmailAddress> email, PasswordHash passwordHash, Instant at)
            implements AccountEvent {}

    record EmailVerificationIssued(AccountId account, PasswordHash codeHash, Instant expiresAt, Instant at)
            implements AccountEvent {}

    record EmailVerified(AccountId account, Instant at) implements AccountEvent {}

    record LoginSucceeded(AccountId account, Handle handle, SessionId session, Instant at) implements AccountEvent {}

    record LoginFailed(AccountId account, Handle handle, LoginFailure reason, Instant at) implements AccountEvent {}

    record LoggedOut(AccountId account, SessionId session, Instant at) implements AccountEvent {}

    record RoleGranted(AccountId account, Role role, Instant at) implements AccountEvent {}

    /** A sysop (the actor) took a role away; it counts from the account's very next request. */
    record RoleRevoked(AccountId account, Role role, Instant at) implements AccountEvent {}

    /**
     * Logins are refused. {@link LockCause#FAILED_LOGINS}: too many consecutive wrong passwords, until {@code until},
     * except with the mailed unlock code. {@link LockCause#SYSOP}: a sysop (the actor) locked it, until {@code until} or,
     * when empty, until a sysop unlocks it; the owner is shown {@code note}, and every session and API key stops.
     */
    record AccountLocked(AccountId account, LockCause cause, Optional<Instant> until, Optional<LockNote> note, Instant at)
            implements AccountEvent {
        public static AccountLocked afterFailedLogins(AccountId account, Instant until, Instant at) {
            return new AccountLocked(account, LockCause.FAILED_LOGINS, Optional.of(until), Optional.empty(), at);
        }
    }

    /** A single-use unlock code was mailed to the owner of a locked account; only its hash is kept. */
    record UnlockCodeIssued(AccountId account, PasswordHash codeHash, Instant expiresAt, Instant at) implements AccountEvent {}

    /** The lock (and the failure count) is lifted: by the owner with the mailed code, or by a sysop (the actor). */
    record AccountUnlocked(AccountId account, UnlockReason reason, Instant at) implements AccountEvent {}

    /**
     * TOTP is on from now: logins need a code after the password. The key and the recovery code hashes are stored
     * secrets: kept to check codes, never in the feed.
     */
    record TotpEnrolled(AccountId account, TotpSecret secret, RecoveryCodeHashes recoveryCodes, Instant at)
            implements AccountEvent {}

    record TotpDisabled(AccountId account, Instant at) implements AccountEvent {}

    /**
     * The authenticator code of time step {@code step} (seconds since the epoch / 30) let a login in, recorded with its
     * {@link LoginSucceeded}: no code of this step or an earlier one is accepted again.
     */
    record TotpCodeAccepted(AccountId account, long step, Instant at) implements AccountEvent {}

    /** Recovery code number {@code position} (0-based, in the order shown at enrolment) let a login in; it is spent. */
    record RecoveryCodeUsed(AccountId account, int position, int left, Instant at) implements AccountEvent {}

    /**
     * The password was changed by its owner; from now only the new hash (a stored secret) logs in. Every other open
     * session of the account is ended with it; {@code keptSession}, the one it was changed in, goes on.
     */
    record PasswordChanged(AccountId account, PasswordHash passwordHash, Optional<SessionId> keptSession, Instant at)
            implements AccountEvent {}

    /**
     * A single-use password reset code was mailed; only its digest is kept. {@link ResetCause#SYSOP}: a sysop (the
     * actor) requires the reset, so the current password stops working at once and every session ends.
     */
    record PasswordResetRequested(AccountId account, PasswordHash codeDigest, Instant expiresAt, ResetCause cause, Instant at)
            implements AccountEvent {}

    /**
     * The owner set a new password with a mailed reset code; only the new hash (a stored secret) logs in from now, every
     * session of the account is ended with it, and the code proved the owner reads the mailbox on file.
     */
    record PasswordResetCompleted(AccountId account, PasswordHash passwordHash, Instant at) implements AccountEvent {}

    /**
     * The account is erased (SPEC §3): its owner asked (confirming with the password, and the authenticator code when
     * enrolled) or a sysop did (the actor says which). From now it cannot log in, its sessions and API keys stop, and
     * the store destroys its data key, so every personal value written under it reads back erased. The handle stays
     * taken, so nobody can pass as the erased caller in old threads.
     */
    record AccountErased(AccountId account, Instant at) implements AccountEvent {}

    enum LockCause {
        FAILED_LOGINS, SYSOP
    }

    enum ResetCause {
        OWNER_REQUEST, SYSOP
    }

    enum UnlockReason {
        OWNER_CODE, SYSOP,
        /** A completed password reset lifts a lock from failed logins: the owner proved they read the mailbox. */
        PASSWORD_RESET
    }

    /** Why a login attempt on a known account failed. */
    enum LoginFailure {
        WRONG_PASSWORD, EMAIL_NOT_VERIFIED,
        /** The right password, then a wrong, stale or reused authenticator or recovery code: counts like a wrong password. */
        WRONG_TOTP;

        /** Whether it counts towards the slow-down and the lock. */
        public boolean counts() {
            return this != EMAIL_NOT_VERIFIED;
        }
    }
}
