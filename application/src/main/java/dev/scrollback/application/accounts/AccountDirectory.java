package dev.scrollback.application.accounts;

import dev.scrollback.application.shared.ProjectionSnapshot;
import dev.scrollback.application.shared.ProjectionState;
import dev.scrollback.application.shared.Rebuildable;
import dev.scrollback.application.shared.RecordedEvent;
import dev.scrollback.domain.accounts.AccountDecider;
import dev.scrollback.domain.accounts.AccountEvent;
import dev.scrollback.domain.accounts.AccountState.Registered;
import dev.scrollback.domain.accounts.AccountState;
import dev.scrollback.domain.accounts.Role;
import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.Handle;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Predicate;

/**
 * Projection: every account as its own decider folds it, in handle order, and who holds the sysop role. Fed from the
 * log (an Axon streaming processor in the persistence adapter); rebuilt from position 0 at every start. Folding with
 * {@link AccountDecider#evolve} rather than picking fields by hand means a new fact about accounts (a sysop's lock, say)
 * shows up here without touching this class. Decisions never rely on it: it may lag the log.
 */
@Named
public final class AccountDirectory {
    private static final AccountDecider DECIDER = new AccountDecider();
    private final Rebuildable<State> state = new Rebuildable<>(State::new);

    /** All the directory knows, swapped whole when rebuilt. */
    static final class State implements ProjectionState {
        private final Map<AccountId, Registered> accounts = new ConcurrentHashMap<>();
        /** Handle key to account: the stable order sysops page through. Keys are unique (the handle stream sees to it). */
        private final NavigableMap<String, AccountId> byHandle = new ConcurrentSkipListMap<>();
        private final Map<AccountId, Handle> sysops = new ConcurrentHashMap<>();

        @Override
        public void apply(RecordedEvent recorded) {
            if (recorded.event() instanceof AccountEvent event) apply(event);
        }

        /** Called by one processor thread at a time, in log order; readers on other threads see each account whole. */
        void apply(AccountEvent event) {
            AccountState before = accounts.get(event.account());
            if (before == null) before = DECIDER.initialState();
            var evolved = DECIDER.evolve(before, event);
            if (evolved instanceof AccountState.Erased && before instanceof Registered r) {
                // Its handle still names old posts; its email, roles and sysop standing go (decision 0021)
                accounts.put(r.account(), new Registered(r.account(), r.handle(), Optional.empty(), r.passwordHash(),
                        r.emailVerified(), Optional.empty(), Set.of(), r.attempts(), r.logins(), r.registeredAt(),
                        Optional.empty(), r.sysopLock(), r.reset(), r.revocation()));
                sysops.remove(r.account());
                return;
            }
            if (!(evolved instanceof Registered after)) return;   // nothing before its registration
            accounts.put(after.account(), after);
            byHandle.put(after.handle().key(), after.account());
            if (after.roles().contains(Role.SYSOP)) sysops.put(after.account(), after.handle());
            else sysops.remove(after.account());
        }

        @Override
        public ProjectionSnapshot snapshot() {
            var snapshot = ProjectionSnapshot.builder();
            accounts.forEach((id, account) -> snapshot.put("account/" + id, account));
            byHandle.forEach((key, id) -> snapshot.put("handle/" + key, id));
            sysops.forEach((id, handle) -> snapshot.put("sysop/" + id, handle));
            return snapshot.build();
        }
    }

    public void apply(AccountEvent event) {
        state.live().apply(event);
    }

    /** The directory's state, for rebuilding it (the persistence adapter's processors feed {@code live()}). */
    public Rebuildable<?> rebuildable() {
        return state;
    }

    /** The accounts holding the sysop role, as far as the projection has read. */
    public Set<AccountId> sysops() {
        return Set.copyOf(state.live().sysops.keySet());
    }

    public Optional<Handle> anySysop() {
        return state.live().sysops.values().stream().min(Comparator.comparing(Handle::key));
    }

    /** The account holding {@code handle} (whatever its case), as far as the projection has read. */
    public Optional<Registered> registered(Handle handle) {
        var s = state.live();
        return Optional.ofNullable(s.byHandle.get(handle.key())).map(s.accounts::get);
    }

    public Optional<Handle> handleOf(AccountId account) {
        return Optional.ofNullable(state.live().accounts.get(account)).map(Registered::handle);
    }

    /**
     * Up to {@code limit} accounts that {@code which} accepts, in the order of their handle keys, starting after the key
     * {@code afterKey} (from the first when empty). Walks the index lazily: a page costs what it skips and returns.
     */
    public List<Registered> page(Optional<String> afterKey, Predicate<Registered> which, int limit) {
        var s = state.live();
        var from = afterKey.map(key -> s.byHandle.tailMap(key, false)).orElse(s.byHandle);
        var found = new ArrayList<Registered>(Math.min(limit, 256));
        for (var account : from.values()) {
            if (found.size() >= limit) break;
            var held = s.accounts.get(account);
            if (held != null && which.test(held)) found.add(held);
        }
        return List.copyOf(found);
    }

    public int size() {
        return state.live().accounts.size();
    }
}
