package dev.scrollback.domain.chat;

import dev.scrollback.domain.accounts.Role;
import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.Handle;
import java.util.Objects;
import java.util.Set;

/**
 * A caller as a room's decisions see them: who, by which handle, holding which roles now. Used both for whoever acts
 * and for whoever a moderator acts on, so that a moderator cannot silence a sysop.
 */
public record Participant(AccountId account, Handle handle, Set<Role> roles) {
    public Participant {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(handle, "handle");
        roles = Set.copyOf(roles);
    }

    public boolean holds(Role role) {
        return roles.contains(role);
    }
}
