package dev.scrollback.application.accounts;

import dev.scrollback.application.shared.Origin;
import dev.scrollback.domain.accounts.ApiKeyId;
import dev.scrollback.domain.accounts.ApiKeyName;
import dev.scrollback.domain.accounts.Scope;
import dev.scrollback.domain.shared.InvalidValue;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * In-port: the caller makes an API key for themselves, with the scopes it may use. Only from an interactive login
 * (a key cannot make keys: {@link CredentialDenied}); at most {@link #MAX_LIVE_KEYS} live keys per account
 * ({@code TooManyKeys}). The answer holds the key itself, the only time it is ever shown.
 */
public interface IssueApiKey {
    int MAX_LIVE_KEYS = 20;
    Duration MAX_LIFETIME = Duration.ofDays(3650);

    Issued issue(Caller caller, Command command, Origin origin);

    /** {@code lifetime}: how long the key works from now; empty for until revoked. */
    record Command(ApiKeyName name, Set<Scope> scopes, Optional<Duration> lifetime) {
        public Command {
            scopes = Scope.ordered(scopes);
            if (scopes.isEmpty()) throw new InvalidValue("scopes", "must name at least one scope of " + Scope.known());
            if (lifetime.isPresent() && (lifetime.get().isNegative() || lifetime.get().isZero()
                    || lifetime.get().compareTo(MAX_LIFETIME) > 0)) {
                throw new InvalidValue("expiresInDays", "must be from 1 to " + MAX_LIFETIME.toDays() + " days");
            }
        }
    }

    record Issued(ApiKeyId id, ApiKeyName name, Set<Scope> scopes, PlainApiKey key, Instant createdAt,
                  Optional<Instant> expiresAt) {}
}
