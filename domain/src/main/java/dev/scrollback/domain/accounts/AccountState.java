package dev.scrollback.domain.accounts;

import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.Handle;
import dev.scrollback.domain.shared.SessionId;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** The lifecycle of one account, as far as decisions need it. */
public sealed interface AccountState {
    record Unregistered() implements AccountState {}

    /** Erased for good: nothing can be done with it, and its handle stays taken. */
    record Erased(AccountId account, Handle handle, Instant at) implements AccountState {}

    record Registered(
            AccountId account,
            Handle handle,
            Optional<EmailAddress> email,
            PasswordHash passwordHash,
            boolean emailVerified,
            Optional<PendingVerification> pendingVerification,
            Set<Role> roles,
            LoginAttempts attempts,
            LoginHistory logins,
            Instant registeredAt,
            Optional<Totp> totp,
            Optional<SysopLock> sysopLock,
            PasswordReset reset,
            Optional<SessionRevocation> revocation) implements AccountState {

        public Registered {
            roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        }

        public int consecutiveFailures() {
            return attempts.consecutiveFailures();
        }

        /** When the latest successful login happened. */
        public Optional<Instant> lastLogin() {
            return logins.latest().map(LoginHistory.Login::at);
        }

        /** The roles that decide what this account may do: verified accounts are members. */
        public Set<Role> effectiveRoles() {
            var effective = EnumSet.noneOf(Role.class);
            effective.addAll(roles);
            effective.add(emailVerified ? Role.MEMBER : Role.GUEST);
            return Set.copyOf(effective);
        }

        Registered withVerification(Optional<PendingVerification> pending, boolean verified) {
            return new Registered(account, handle, email, passwordHash, verified, pending, roles, attempts, logins,
                    registeredAt, totp, sysopLock, reset, revocation);
        }

        Registered withRole(Role role) {
            var more = EnumSet.noneOf(Role.class);
            more.addAll(roles);
            more.add(role);
            return new Registered(account, handle, email, passwordHash, emailVerified, pendingVerification, more,
                    attempts, logins, registeredAt, totp, sysopLock, reset, revocation);
        }

        Registered withoutRole(Role role) {
            var fewer = EnumSet.noneOf(Role.class);
            fewer.addAll(roles);
            fewer.remove(role);
            return new Registered(account, handle, email, passwordHash, emailVerified, pendingVerification, fewer,
                    attempts, logins, registeredAt, totp, sysopLock, reset, revocation);
        }

        Registered withTotp(Optional<Totp> totp) {
            return new Registered(account, handle, email, passwordHash, emailVerified, pendingVerification, roles,
                    attempts, logins, registeredAt, totp, sysopLock, reset, revocation);
        }

        Registered withPassword(PasswordHash passwordHash) {
            return new Registered(account, handle, email, passwordHash, emailVerified, pendingVerification, roles,
                    attempts, logins, registeredAt, totp, sysopLock, reset, revocation);
        }

        Registered withSysopLock(Optional<SysopLock> sysopLock) {
            return new Registered(account, handle, email, passwordHash, emailVerified, pendingVerification, roles,
                    attempts, logins, registeredAt, totp, sysopLock, reset, revocation);
        }

        Registered withReset(PasswordReset reset) {
            return new Registered(account, handle, email, passwordHash, emailVerified, pendingVerification, roles,
                    attempts, logins, registeredAt, totp, sysopLock, reset, revocation);
        }

        /** The sysop's lock in force at {@code at}, if any (one for a time no longer counts once it has ended). */
        public Optional<SysopLock> sysopLockAt(Instant at) {
            return sysopLock.filter(lock -> lock.until().isEmpty() || at.isBefore(lock.until().get()));
        }

        /**
         * Whether the account may act at {@code at} through a credential it already holds (a session token, an API
         * key): not while a sysop's lock holds, nor while a forced password reset is outstanding.
         */
        public boolean mayActAt(Instant at) {
            return sysopLockAt(at).isEmpty() && !reset.required();
        }

        Registered revokingSessionsAt(Instant at, Optional<SessionId> spared) {
            return new Registered(account, handle, email, passwordHash, emailVerified, pendingVerification, roles,
                    attempts, logins, registeredAt, totp, sysopLock, reset, Optional.of(new SessionRevocation(at, spared)));
        }

        /**
         * Whether session {@code session}, started at {@code startedAt}, may still act. A password change or reset, a
         * sysop's lock or forced reset end the account's sessions (a change spares the one it was made in); this
         * refuses, at once, one that started earlier but escaped the ending (say it was not yet in the list of open
         * sessions when they were ended).
         */
        public boolean acceptsSession(SessionId session, Instant startedAt) {
            return revocation.filter(r -> startedAt.isBefore(r.at()) && r.spared().filter(session::equals).isEmpty()).isEmpty();
        }

        Registered withLogins(LoginAttempts attempts, LoginHistory logins) {
            return new Registered(account, handle, email, passwordHash, emailVerified, pendingVerification, roles,
                    attempts, logins, registeredAt, totp, sysopLock, reset, revocation);
        }
    }

    /** Sessions that started before {@code at} have ended, except {@code spared} (the one a password change came from). */
    record SessionRevocation(Instant at, Optional<SessionId> spared) {}

    /** A sysop locked the account: until {@code until}, or until a sysop unlocks it when empty; the note is shown. */
    record SysopLock(Optional<Instant> until, Optional<LockNote> note) {}

    /**
     * Password reset: the digest of the last reset code mailed and until when it is good, and whether a sysop requires
     * a reset (then the old password no longer logs in, whether or not a code is still pending).
     */
    record PasswordReset(Optional<PendingReset> pending, boolean required) {
        public static PasswordReset none() {
            return new PasswordReset(Optional.empty(), false);
        }
    }

    record PendingReset(PasswordHash codeDigest, Instant expiresAt) {}

    /** The hash of the last verification code mailed, and until when it is good. */
    record PendingVerification(PasswordHash codeHash, Instant expiresAt) {}
}
