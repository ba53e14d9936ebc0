package dev.scrollback.application.history;

import dev.scrollback.application.accounts.AccountLock;
import dev.scrollback.domain.accounts.AccountState.Registered;
import dev.scrollback.domain.accounts.EmailAddress;
import dev.scrollback.domain.accounts.LoginHistory;
import dev.scrollback.domain.accounts.Role;
import dev.scrollback.domain.accounts.Totp;
import dev.scrollback.domain.accounts.AccountState;
import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.Handle;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * An account as {@code AccountDecider} had folded it at a point, without its secrets: no password hash, TOTP key,
 * recovery code or reset and verification code digests, only whether they were there and until when. {@code email} is
 * personal data (only sysops and auditors ask). {@code roles}: those granted; {@code effectiveRoles} adds member or
 * guest as verification made it. {@code lock}: the lock in force at the moment the point stands for.
 * {@code sessionsRevokedAt}: a password change, reset or sysop's lock ended every session started before it.
 * {@code erasedAt}: the account was erased by the point (decision 0021); the rest is how it stood just before, its
 * personal values read as erased, since their key is gone.
 */
public record AccountAsItWas(AccountId account, Handle handle, Instant registeredAt, Optional<EmailAddress> email,
                             boolean emailVerified, Optional<Instant> verificationCodeExpiresAt, Set<Role> roles,
                             Set<Role> effectiveRoles, Optional<AccountLock> lock, int consecutiveFailedLogins,
                             Optional<Instant> lastFailedLoginAt, Optional<LoginHistory.Login> latestLogin,
                             Optional<LoginHistory.Login> previousLogin, int failedLoginsSinceLatest, boolean totpEnrolled,
                             int recoveryCodesLeft, boolean passwordResetRequired, Optional<Instant> resetCodeExpiresAt,
                             Optional<Instant> sessionsRevokedAt, Optional<Instant> erasedAt) {
    public AccountAsItWas {
        roles = Set.copyOf(roles);
        effectiveRoles = Set.copyOf(effectiveRoles);
    }

    static AccountAsItWas of(Registered r, Instant moment) {
        return new AccountAsItWas(r.account(), r.handle(), r.registeredAt(), r.email(), r.emailVerified(),
                r.pendingVerification().map(AccountState.PendingVerification::expiresAt), r.roles(), r.effectiveRoles(),
                AccountLock.of(r, moment), r.consecutiveFailures(), r.attempts().lastFailureAt(), r.logins().latest(),
                r.logins().previous(), r.logins().failedSinceLatest(), r.totp().isPresent(),
                r.totp().map(Totp::recoveryCodesLeft).orElse(0), r.reset().required(),
                r.reset().pending().map(AccountState.PendingReset::expiresAt),
                r.revocation().map(AccountState.SessionRevocation::at), Optional.empty());
    }

    AccountAsItWas erasedAt(Instant at) {
        return new AccountAsItWas(account, handle, registeredAt, email, emailVerified, verificationCodeExpiresAt, roles,
                effectiveRoles, lock, consecutiveFailedLogins, lastFailedLoginAt, latestLogin, previousLogin,
                failedLoginsSinceLatest, totpEnrolled, recoveryCodesLeft, passwordResetRequired, resetCodeExpiresAt,
                sessionsRevokedAt, Optional.of(at));
    }
}
