package dev.scrollback.application.accounts;

import dev.scrollback.domain.accounts.AccountState.Registered;
import dev.scrollback.domain.accounts.Role;
import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.Handle;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * One account as a sysop sees it in a list: no email address (personal data is shown one account at a time).
 * {@code roles} are the effective ones (member or guest included); {@code lock} is the one in force when asked.
 */
public record UserSummary(AccountId account, Handle handle, Instant registeredAt, boolean emailVerified, Set<Role> roles,
                          Optional<AccountLock> lock, boolean totpEnabled, Optional<Instant> lastLoginAt) {
    public UserSummary {
        roles = Set.copyOf(roles);
    }

    /** The one place a folded account becomes a row: a new column is added here. */
    public static UserSummary of(Registered account, Instant now) {
        return new UserSummary(account.account(), account.handle(), account.registeredAt(), account.emailVerified(),
                account.effectiveRoles(), AccountLock.of(account, now), account.totp().isPresent(), account.lastLogin());
    }
}
