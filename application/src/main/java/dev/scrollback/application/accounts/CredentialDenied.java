package dev.scrollback.application.accounts;

import dev.scrollback.domain.accounts.Scope;
import dev.scrollback.domain.shared.Rejection;

/**
 * The caller is known, but the credential they came with does not allow this: an API key where only an interactive
 * login will do, or a key without the scope the operation needs. (A missing role is {@link AccessDenied}.)
 */
public final class CredentialDenied extends Rejection {
    public sealed interface Reason {}

    /** Password, TOTP, sessions, API key management: never with a key, so a leaked key cannot take the account over. */
    public record NeedsInteractiveLogin() implements Reason {}

    public record NeedsScope(Scope scope) implements Reason {}

    private final Reason reason;

    private CredentialDenied(Reason reason) {
        super(reason);
        this.reason = reason;
    }

    public static CredentialDenied needsInteractiveLogin() {
        return new CredentialDenied(new NeedsInteractiveLogin());
    }

    public static CredentialDenied needsScope(Scope scope) {
        return new CredentialDenied(new NeedsScope(scope));
    }

    @Override
    public Reason reason() {
        return reason;
    }
}
