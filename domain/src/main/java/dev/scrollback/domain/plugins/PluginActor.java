package dev.scrollback.domain.plugins;

import dev.scrollback.domain.accounts.Role;
import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.Handle;
import java.util.Objects;
import java.util.Set;

/** A caller as the plugin lifecycle sees them: who, by which handle, holding which roles now. */
public record PluginActor(AccountId account, Handle handle, Set<Role> roles) {
    public PluginActor {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(handle, "handle");
        roles = Set.copyOf(roles);
    }

    public boolean holds(Role role) {
        return roles.contains(role);
    }
}
