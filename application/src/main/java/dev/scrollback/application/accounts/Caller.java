package dev.scrollback.application.accounts;

import dev.scrollback.application.shared.Actor;
import dev.scrollback.domain.accounts.Role;
import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.Handle;
import dev.scrollback.domain.shared.SessionId;
import java.util.Set;

/** A logged-in caller in an open session: who they are and what their roles allow. Only login produces one. */
public record Caller(AccountId account, Handle handle, SessionId session, Set<Role> roles) {
    public Caller {
        roles = Set.copyOf(roles);
    }

    public boolean holds(Role role) {
        return roles.contains(role);
    }

    public Actor actor() {
        return Actor.user(account, handle);
    }
}
