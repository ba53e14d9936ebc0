package dev.scrollback.application.accounts;

import dev.scrollback.application.hooks.PublicUser;
import dev.scrollback.application.hooks.PublicUsers;
import dev.scrollback.domain.accounts.Role;
import dev.scrollback.domain.shared.Handle;
import jakarta.inject.Named;
import java.util.Optional;

/** {@code read_user}, answered from the {@link AccountDirectory}: the handle as registered, the roles, the join date. */
@Named
final class DirectoryPublicUsers implements PublicUsers {
    private final AccountDirectory directory;

    DirectoryPublicUsers(AccountDirectory directory) {
        this.directory = directory;
    }

    @Override
    public Optional<PublicUser> find(Handle handle) {
        return directory.registered(handle).map(account -> new PublicUser(account.handle(),
                account.effectiveRoles().stream().map(Role::wireName).toList(), account.registeredAt()));
    }
}
