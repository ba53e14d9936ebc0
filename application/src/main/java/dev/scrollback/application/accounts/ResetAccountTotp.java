package dev.scrollback.application.accounts;

import dev.scrollback.application.shared.Origin;
import dev.scrollback.domain.shared.Handle;

/**
 * In-port: a sysop turns two-factor login off for an owner who lost both the authenticator and the recovery codes
 * ({@code TotpDisabled}, the sysop as actor); the owner logs in with the password and can enrol again. Only sysops may
 * ({@link AccessDenied}). {@code wasEnabled} is false when it was off already (and nothing was recorded).
 */
public interface ResetAccountTotp {
    Outcome reset(Caller sysop, Handle handle, Origin origin);

    record Outcome(Handle handle, boolean wasEnabled) {}
}
