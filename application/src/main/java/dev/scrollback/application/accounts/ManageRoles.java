package dev.scrollback.application.accounts;

import dev.scrollback.application.shared.Origin;
import dev.scrollback.domain.accounts.Role;
import dev.scrollback.domain.shared.Handle;
import java.util.Set;

/**
 * In-port: a sysop grants or revokes a role ({@code RoleGranted} / {@code RoleRevoked}, the sysop as actor). Only
 * sysops may ({@link AccessDenied} otherwise); an unknown handle is {@code UnknownAccount}; {@code member} and
 * {@code guest} are refused, and so is taking the sysop role from the last sysop ({@code RoleRejected}). Roles are
 * read from the log on every request, so the change counts from the account's very next request.
 */
public interface ManageRoles {
    Outcome grant(Caller sysop, Handle handle, Role role, Origin origin);

    Outcome revoke(Caller sysop, Handle handle, Role role, Origin origin);

    /**
     * {@code roles} are the account's effective roles afterwards (member or guest included); {@code changed} is false
     * when the account already had (or already lacked) the role and nothing was recorded.
     */
    record Outcome(Handle handle, Set<Role> roles, boolean changed) {
        public Outcome {
            roles = Set.copyOf(roles);
        }
    }
}
