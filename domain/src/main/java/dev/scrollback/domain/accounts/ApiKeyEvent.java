package dev.scrollback.domain.accounts;

import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.DomainEvent;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** Facts about one API key, stored on stream {@code apikey-<uuid>}. Names are a public contract (SPEC §3). */
public sealed interface ApiKeyEvent extends DomainEvent {
    ApiKeyId key();

    AccountId account();

    Instant at();

    /**
     * The owner (the actor) made a key. Only its digest is kept ({@code hash}, a stored secret that never reaches the
     * feed); the key itself was shown once, in the answer. It works until revoked, or until {@code expiresAt} when set.
     */
    record ApiKeyIssued(ApiKeyId key, AccountId account, ApiKeyName name, Set<Scope> scopes, ApiKeyHash hash,
                        Optional<Instant> expiresAt, Instant at) implements ApiKeyEvent {
        public ApiKeyIssued {
            scopes = Scope.ordered(scopes);
        }
    }

    /** The key stops working from the next request on: its owner or a sysop (the actor) revoked it. */
    record ApiKeyRevoked(ApiKeyId key, AccountId account, RevocationReason reason, Instant at) implements ApiKeyEvent {}

    enum RevocationReason {
        OWNER, SYSOP
    }
}
