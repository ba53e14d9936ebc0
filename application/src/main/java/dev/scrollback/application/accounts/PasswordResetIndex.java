package dev.scrollback.application.accounts;

import dev.scrollback.application.shared.ProjectionSnapshot;
import dev.scrollback.application.shared.ProjectionState;
import dev.scrollback.application.shared.Rebuildable;
import dev.scrollback.application.shared.RecordedEvent;
import dev.scrollback.domain.accounts.AccountEvent;
import dev.scrollback.domain.accounts.EmailAddress;
import dev.scrollback.domain.accounts.PasswordHash;
import dev.scrollback.domain.shared.AccountId;
import jakarta.inject.Named;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Projection: what a password reset needs to find an account without a handle — the accounts of an email address,
 * and the account of each outstanding reset code digest. Only the newest code of an account is kept; a completed
 * reset removes it. The decider checks every code again, so a stale entry can only lead to "wrong code".
 */
@Named
public final class PasswordResetIndex {
    private final Rebuildable<State> state = new Rebuildable<>(State::new);

    /** All the index knows, swapped whole when rebuilt. */
    static final class State implements ProjectionState {
        private final Map<String, Set<AccountId>> byEmail = new ConcurrentHashMap<>();
        private final Map<String, AccountId> byCode = new ConcurrentHashMap<>();
        private final Map<AccountId, String> codeOf = new ConcurrentHashMap<>();

        @Override
        public void apply(RecordedEvent recorded) {
            if (recorded.event() instanceof AccountEvent event) apply(event);
        }

        void apply(AccountEvent event) {
            switch (event) {
                case AccountEvent.AccountRegistered e -> e.email().filter(email -> !email.erased()).ifPresent(email ->
                        byEmail.merge(key(email), Set.of(e.account()), PasswordResetIndex::union));
                case AccountEvent.PasswordResetRequested e -> remember(e.account(), e.codeDigest());
                case AccountEvent.PasswordResetCompleted e -> forget(e.account());
                case AccountEvent.AccountErased e -> forgetAccount(e.account());
                default -> { }
            }
        }

        synchronized void remember(AccountId account, PasswordHash codeDigest) {
            var previous = codeOf.put(account, codeDigest.value());
            if (previous != null && !previous.equals(codeDigest.value())) byCode.remove(previous);
            byCode.put(codeDigest.value(), account);
        }

        private synchronized void forget(AccountId account) {
            var previous = codeOf.remove(account);
            if (previous != null) byCode.remove(previous);
        }

        /** An erased account is found by no address and no code any more (decision 0021). */
        private synchronized void forgetAccount(AccountId account) {
            forget(account);
            byEmail.replaceAll((email, accounts) -> accounts.contains(account) ? without(accounts, account) : accounts);
            byEmail.values().removeIf(Set::isEmpty);
        }

        @Override
        public synchronized ProjectionSnapshot snapshot() {
            var snapshot = ProjectionSnapshot.builder();
            byEmail.forEach((email, accounts) -> snapshot.put("email/" + email,
                    accounts.stream().map(AccountId::toString).sorted().toList()));
            byCode.forEach((code, account) -> snapshot.put("code/" + code, account));
            codeOf.forEach((account, code) -> snapshot.put("code-of/" + account, code));
            return snapshot.build();
        }
    }

    public void apply(AccountEvent event) {
        state.live().apply(event);
    }

    /** The index's state, for rebuilding it (the persistence adapter's processors feed {@code live()}). */
    public Rebuildable<?> rebuildable() {
        return state;
    }

    /** The accounts registered with this address (case-insensitive), usually one. */
    public Set<AccountId> accountsOf(EmailAddress email) {
        return state.live().byEmail.getOrDefault(key(email), Set.of());
    }

    public Optional<AccountId> accountOf(PasswordHash codeDigest) {
        return Optional.ofNullable(state.live().byCode.get(codeDigest.value()));
    }

    /** Also called by the request right after its append, so a code works before the projection has read it. */
    public void remember(AccountId account, PasswordHash codeDigest) {
        state.live().remember(account, codeDigest);
    }

    private static Set<AccountId> without(Set<AccountId> accounts, AccountId gone) {
        var rest = new java.util.HashSet<>(accounts);
        rest.remove(gone);
        return Set.copyOf(rest);
    }

    private static String key(EmailAddress email) {
        return email.value().toLowerCase(Locale.ROOT);
    }

    private static Set<AccountId> union(Set<AccountId> a, Set<AccountId> b) {
        var both = new java.util.HashSet<>(a);
        both.addAll(b);
        return Set.copyOf(both);
    }
}
