package dev.scrollback.domain.accounts;

/**
 * A value the server must keep to check what callers type, but that must never leave it: event fields of these types
 * are removed from the feed (SPEC §3, §4), whatever the event.
 */
public sealed interface StoredSecret permits PasswordHash, TotpSecret, RecoveryCodeHashes, ApiKeyHash {}
