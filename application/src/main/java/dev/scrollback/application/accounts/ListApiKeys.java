package dev.scrollback.application.accounts;

import dev.scrollback.domain.accounts.ApiKeyId;
import dev.scrollback.domain.accounts.ApiKeyName;
import dev.scrollback.domain.accounts.Scope;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * In-port: the caller's own API keys, newest first, live and revoked; never the keys themselves (they are not kept).
 * Only from an interactive login. Read from a projection: a key made or revoked on another server shows up within
 * moments, one made or revoked here at once.
 */
public interface ListApiKeys {
    List<ApiKeySummary> list(Caller caller);

    record ApiKeySummary(ApiKeyId id, ApiKeyName name, Set<Scope> scopes, Instant createdAt, Optional<Instant> expiresAt,
                         Optional<Instant> revokedAt) {
        /** Whether the key works at {@code at} (as far as the key goes: its account may still be locked). */
        public boolean liveAt(Instant at) {
            return revokedAt.isEmpty() && expiresAt.map(at::isBefore).orElse(true);
        }
    }
}
