package dev.scrollback.application.accounts;

import dev.scrollback.application.shared.Origin;
import dev.scrollback.domain.shared.Handle;

/**
 * In-port: mail a fresh verification code (the old one stops working). Says nothing about whether the handle exists
 * or is already verified: it simply does nothing then.
 */
public interface ResendVerification {
    void resend(Command command);

    record Command(Handle handle, Origin origin) {}
}
