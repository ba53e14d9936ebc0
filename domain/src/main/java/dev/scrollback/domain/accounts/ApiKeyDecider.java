package dev.scrollback.domain.accounts;

import dev.scrollback.domain.accounts.ApiKeyCommand.Issue;
import dev.scrollback.domain.accounts.ApiKeyCommand.RevokeAsSysop;
import dev.scrollback.domain.accounts.ApiKeyCommand.RevokeOwn;
import dev.scrollback.domain.accounts.ApiKeyEvent.ApiKeyIssued;
import dev.scrollback.domain.accounts.ApiKeyEvent.ApiKeyRevoked;
import dev.scrollback.domain.accounts.ApiKeyEvent.RevocationReason;
import dev.scrollback.domain.accounts.ApiKeyRejected.AlreadyIssued;
import dev.scrollback.domain.accounts.ApiKeyRejected.ExpiryInThePast;
import dev.scrollback.domain.accounts.ApiKeyRejected.NoSuchKey;
import dev.scrollback.domain.accounts.ApiKeyState.Issued;
import dev.scrollback.domain.accounts.ApiKeyState.NotIssued;
import dev.scrollback.domain.accounts.ApiKeyState.Revoked;
import dev.scrollback.domain.shared.Decider;
import java.util.List;

/**
 * One API key on its own stream: issued once, revoked once. Revoking a revoked key records nothing, so a retry or two
 * racing revocations are harmless. An owner revoking a key of another account is told there is no such key.
 */
public final class ApiKeyDecider implements Decider<ApiKeyCommand, ApiKeyState, ApiKeyEvent> {
    private final ApiKeyId key;

    public ApiKeyDecider(ApiKeyId key) {
        this.key = key;
    }

    @Override
    public ApiKeyState initialState() {
        return new NotIssued();
    }

    @Override
    public List<ApiKeyEvent> decide(ApiKeyCommand command, ApiKeyState state) {
        return switch (command) {
            case Issue i when !(state instanceof NotIssued) -> throw new ApiKeyRejected(new AlreadyIssued(key));
            case Issue i when i.expiresAt().isPresent() && !i.expiresAt().get().isAfter(i.at()) ->
                    throw new ApiKeyRejected(new ExpiryInThePast());
            case Issue i -> List.of(new ApiKeyIssued(key, i.account(), i.name(), i.scopes(), i.hash(), i.expiresAt(), i.at()));
            case RevokeOwn r -> switch (state) {
                case NotIssued n -> throw new ApiKeyRejected(new NoSuchKey(key));
                case Issued s when !s.issued().account().equals(r.owner()) -> throw new ApiKeyRejected(new NoSuchKey(key));
                case Revoked s when !s.issued().account().equals(r.owner()) -> throw new ApiKeyRejected(new NoSuchKey(key));
                case Issued s -> List.of(new ApiKeyRevoked(key, s.issued().account(), RevocationReason.OWNER, r.at()));
                case Revoked s -> List.of();
            };
            case RevokeAsSysop r -> switch (state) {
                case NotIssued n -> throw new ApiKeyRejected(new NoSuchKey(key));
                case Issued s -> List.of(new ApiKeyRevoked(key, s.issued().account(), RevocationReason.SYSOP, r.at()));
                case Revoked s -> List.of();
            };
        };
    }

    @Override
    public ApiKeyState evolve(ApiKeyState state, ApiKeyEvent event) {
        return switch (event) {
            case ApiKeyIssued e -> state instanceof NotIssued ? new Issued(e) : state;
            case ApiKeyRevoked e -> switch (state) {
                case Issued s -> new Revoked(s.issued(), e);
                case NotIssued n -> n;                       // cannot happen on a well-formed stream
                case Revoked s -> s;
            };
        };
    }
}
