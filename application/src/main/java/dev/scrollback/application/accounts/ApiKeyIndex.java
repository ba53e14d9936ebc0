package dev.scrollback.application.accounts;

import dev.scrollback.application.shared.ProjectionSnapshot;
import dev.scrollback.application.shared.ProjectionState;
import dev.scrollback.application.shared.Rebuildable;
import dev.scrollback.application.shared.RecordedEvent;
import dev.scrollback.application.accounts.ListApiKeys.ApiKeySummary;
import dev.scrollback.domain.accounts.ApiKeyEvent;
import dev.scrollback.domain.accounts.ApiKeyEvent.ApiKeyIssued;
import dev.scrollback.domain.accounts.ApiKeyEvent.ApiKeyRevoked;
import dev.scrollback.domain.accounts.ApiKeyId;
import dev.scrollback.domain.shared.AccountId;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Projection: which API keys each account has, for listing them and bounding how many are live. Fed from the log (an
 * Axon streaming processor in the persistence adapter) and rebuilt at every start. The use cases also apply what they
 * append themselves, so the owner sees their change at once on this server: applying is idempotent and order-free
 * (an issue is recorded once, a revocation is final), so the processor applying the same events again changes nothing.
 * Checking a key never asks here: that reads the key's stream.
 */
@Named
public final class ApiKeyIndex {
    private final Rebuildable<State> state = new Rebuildable<>(State::new);

    /** All the index knows, swapped whole when rebuilt. */
    static final class State implements ProjectionState {
        private final Map<ApiKeyId, ApiKeyIssued> issued = new ConcurrentHashMap<>();
        private final Map<ApiKeyId, ApiKeyRevoked> revoked = new ConcurrentHashMap<>();
        private final Map<AccountId, Set<ApiKeyId>> byAccount = new ConcurrentHashMap<>();

        @Override
        public void apply(RecordedEvent recorded) {
            if (recorded.event() instanceof ApiKeyEvent event) apply(event);
        }

        void apply(ApiKeyEvent event) {
            switch (event) {
                case ApiKeyIssued e -> {
                    issued.putIfAbsent(e.key(), e);
                    byAccount.computeIfAbsent(e.account(), a -> ConcurrentHashMap.newKeySet()).add(e.key());
                }
                case ApiKeyRevoked e -> revoked.putIfAbsent(e.key(), e);
            }
        }

        @Override
        public ProjectionSnapshot snapshot() {
            var snapshot = ProjectionSnapshot.builder();
            issued.forEach((key, e) -> snapshot.put("issued/" + key, e));
            revoked.forEach((key, e) -> snapshot.put("revoked/" + key, e));
            byAccount.forEach((account, keys) -> snapshot.put("account/" + account,
                    keys.stream().map(ApiKeyId::toString).sorted().toList()));
            return snapshot.build();
        }
    }

    public void apply(ApiKeyEvent event) {
        state.live().apply(event);
    }

    /** The index's state, for rebuilding it (the persistence adapter's processors feed {@code live()}). */
    public Rebuildable<?> rebuildable() {
        return state;
    }

    /** The account's keys, newest first. */
    public List<ApiKeySummary> of(AccountId account) {
        var held = state.live();
        return held.byAccount.getOrDefault(account, Set.of()).stream()
                .map(held.issued::get)
                .map(e -> new ApiKeySummary(e.key(), e.name(), e.scopes(), e.at(), e.expiresAt(),
                        Optional.ofNullable(held.revoked.get(e.key())).map(ApiKeyRevoked::at)))
                .sorted(Comparator.comparing(ApiKeySummary::createdAt).reversed()
                        .thenComparing(s -> s.id().value(), Comparator.reverseOrder()))
                .toList();
    }

    /** How many of the account's keys work at {@code at}. */
    public int liveCount(AccountId account, Instant at) {
        return (int) of(account).stream().filter(s -> s.liveAt(at)).count();
    }
}
