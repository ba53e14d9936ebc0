package dev.scrollback.application.accounts;

import dev.scrollback.domain.accounts.AccountEvent;
import dev.scrollback.domain.accounts.AccountEvent.AccountRegistered;
import dev.scrollback.domain.accounts.AccountEvent.RoleGranted;
import dev.scrollback.domain.accounts.AccountEvent.RoleRevoked;
import dev.scrollback.domain.accounts.Role;
import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.Handle;
import jakarta.inject.Named;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Projection: which accounts exist under which handle, and who holds the sysop role. Fed from the log (an Axon
 * streaming processor in the persistence adapter); rebuilt from position 0 at every start.
 */
@Named
public final class AccountDirectory {
    private final Map<AccountId, Handle> handles = new ConcurrentHashMap<>();
    private final Map<AccountId, Handle> sysops = new ConcurrentHashMap<>();

    public void apply(AccountEvent event) {
        if (event instanceof AccountRegistered e) handles.put(e.account(), e.handle());
        if (event instanceof RoleGranted e && e.role() == Role.SYSOP) {
            var handle = handles.get(e.account());
            if (handle != null) sysops.put(e.account(), handle);
        }
        if (event instanceof RoleRevoked e && e.role() == Role.SYSOP) sysops.remove(e.account());
    }

    /** The accounts holding the sysop role, as far as the projection has read. */
    public Set<AccountId> sysops() {
        return Set.copyOf(sysops.keySet());
    }

    public Optional<Handle> anySysop() {
        return sysops.values().stream().min(Comparator.comparing(Handle::key));
    }

    public Optional<Handle> handleOf(AccountId account) {
        return Optional.ofNullable(handles.get(account));
    }

    public int size() {
        return handles.size();
    }
}
