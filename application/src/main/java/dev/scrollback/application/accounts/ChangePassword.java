package dev.scrollback.application.accounts;

import dev.scrollback.application.shared.Origin;
import dev.scrollback.domain.accounts.Secret;

/**
 * In-port: the caller changes their own password, confirmed with the current one ({@code PasswordChanged}); then every
 * other open session of the account ends (reason {@code revoked}, the caller as actor) and a live telnet connection
 * of one is told and disconnected. Issued tokens are checked against their session on every request, so the tokens
 * of those sessions stop working at once; the caller's own session, and its tokens, stay. Refuses with
 * {@code WrongPassword} (not counted towards the login lock; the routes are rate limited) or {@code WeakPassword}
 * (the policy, or {@code SAME_AS_CURRENT}). Implemented in presence (it ends sessions found there); declared here so
 * the accounts adapters need not depend on presence.
 */
public interface ChangePassword {
    void change(Caller caller, Secret current, Secret next, Origin origin);
}
