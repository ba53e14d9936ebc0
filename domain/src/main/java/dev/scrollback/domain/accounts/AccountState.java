package dev.scrollback.domain.accounts;

import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.Handle;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** The lifecycle of one account, as far as decisions need it. */
public sealed interface AccountState {
    record Unregistered() implements AccountState {}

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
            Optional<Totp> totp) implements AccountState {

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
                    registeredAt, totp);
        }

        Registered withRole(Role role) {
            var more = EnumSet.noneOf(Role.class);
            more.addAll(roles);
            more.add(role);
            return new Registered(account, handle, email, passwordHash, emailVerified, pendingVerification, more,
                    attempts, logins, registeredAt, totp);
        }

        Registered withoutRole(Role role) {
            var fewer = EnumSet.noneOf(Role.class);
            fewer.addAll(roles);
            fewer.remove(role);
            return new Registered(account, handle, email, passwordHash, emailVerified, pendingVerification, fewer,
                    attempts, logins, registeredAt, totp);
        }

        Registered withTotp(Optional<Totp> totp) {
            return new Registered(account, handle, email, passwordHash, emailVerified, pendingVerification, roles,
                    attempts, logins, registeredAt, totp);
        }

        Registered withPassword(PasswordHash passwordHash) {
            return new Registered(account, handle, email, passwordHash, emailVerified, pendingVerification, roles,
                    attempts, logins, registeredAt, totp);
        }

        Registered withLogins(LoginAttempts attempts, LoginHistory logins) {
            return new Registered(account, handle, email, passwordHash, emailVerified, pendingVerification, roles,
                    attempts, logins, registeredAt, totp);
        }
    }

    /** The hash of the last verification code mailed, and until when it is good. */
    record PendingVerification(PasswordHash codeHash, Instant expiresAt) {}
}
