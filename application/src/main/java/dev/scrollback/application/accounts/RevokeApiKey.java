package dev.scrollback.application.accounts;

import dev.scrollback.application.shared.Origin;
import dev.scrollback.domain.accounts.ApiKeyId;

/**
 * In-port: the caller revokes one of their API keys; it stops working with the next request. Only from an interactive
 * login. A key of another account, or none, is {@code NoSuchKey}; revoking a revoked key changes nothing.
 */
public interface RevokeApiKey {
    void revoke(Caller caller, ApiKeyId key, Origin origin);
}
