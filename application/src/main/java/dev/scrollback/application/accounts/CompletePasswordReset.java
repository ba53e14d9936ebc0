package dev.scrollback.application.accounts;

import dev.scrollback.application.shared.Origin;
import dev.scrollback.domain.accounts.Secret;
import dev.scrollback.domain.shared.Handle;

/**
 * In-port: a new password set with a mailed reset code ({@code PasswordResetCompleted}, the owner as actor); then
 * every session of the account ends (reason {@code revoked}) and a live telnet connection of one is told, so every
 * token issued before stops working at once. Refuses with {@code WrongCode} (wrong, used, replaced or unknown: one
 * answer), {@code CodeExpired} or {@code WeakPassword}; limited per account ({@code RateLimited}). Implemented in
 * presence (it ends sessions found there).
 */
public interface CompletePasswordReset {
    Outcome complete(String code, Secret newPassword, Origin origin);

    /** Whose password it was, so the caller can be told the handle to log in with. */
    record Outcome(Handle handle, int sessionsEnded) {}
}
