package dev.scrollback.domain.accounts;

import dev.scrollback.domain.shared.AccountId;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** Commands on one API key's stream ({@code apikey-<uuid>}). */
public sealed interface ApiKeyCommand {
    record Issue(AccountId account, ApiKeyName name, Set<Scope> scopes, ApiKeyHash hash, Optional<Instant> expiresAt,
                 Instant at) implements ApiKeyCommand {
        public Issue {
            scopes = Scope.ordered(scopes);
        }
    }

    /** The owner revokes their own key: a key of another account is "no such key" to them (nothing leaks). */
    record RevokeOwn(AccountId owner, Instant at) implements ApiKeyCommand {}

    /** A sysop revokes anyone's key (the use case checks the role). */
    record RevokeAsSysop(Instant at) implements ApiKeyCommand {}
}
