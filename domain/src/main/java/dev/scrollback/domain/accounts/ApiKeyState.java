package dev.scrollback.domain.accounts;

import dev.scrollback.domain.accounts.ApiKeyEvent.ApiKeyIssued;
import dev.scrollback.domain.accounts.ApiKeyEvent.ApiKeyRevoked;
import java.time.Instant;

/** The lifecycle of one API key. */
public sealed interface ApiKeyState {
    record NotIssued() implements ApiKeyState {}

    record Issued(ApiKeyIssued issued) implements ApiKeyState {
        /** Whether the key works at {@code at}: issued, not revoked, not past its expiry. */
        public boolean liveAt(Instant at) {
            return issued.expiresAt().map(at::isBefore).orElse(true);
        }
    }

    record Revoked(ApiKeyIssued issued, ApiKeyRevoked revoked) implements ApiKeyState {}
}
