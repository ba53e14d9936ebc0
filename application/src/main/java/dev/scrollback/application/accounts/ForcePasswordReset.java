package dev.scrollback.application.accounts;

import dev.scrollback.application.shared.Origin;
import dev.scrollback.domain.shared.Handle;
import java.time.Instant;

/**
 * In-port: a sysop requires a new password ({@code PasswordResetRequested}, cause {@code sysop}, the sysop as actor):
 * the current password stops logging in at once, every session ends (reason {@code kicked}), and a reset code is
 * mailed to the owner. Only sysops may ({@link AccessDenied}); an account with no email on file is {@code NoEmailOnFile}
 * (nobody could complete the reset). Implemented in presence.
 */
public interface ForcePasswordReset {
    Outcome force(Caller sysop, Handle handle, Origin origin);

    /** {@code mailed} is false when the mail server refused the code: the owner can ask for a new one. */
    record Outcome(Handle handle, Instant codeExpiresAt, int sessionsEnded, boolean mailed) {}
}
