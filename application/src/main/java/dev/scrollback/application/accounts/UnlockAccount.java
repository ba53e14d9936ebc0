package dev.scrollback.application.accounts;

import dev.scrollback.application.shared.Origin;
import dev.scrollback.domain.shared.Handle;

/**
 * In-port: a sysop lifts the lock (and any slow-down) on an account: {@code AccountUnlocked} with the sysop as actor.
 * Only sysops may ({@link AccessDenied} otherwise); an unknown handle is {@code UnknownAccount}.
 */
public interface UnlockAccount {
    Outcome unlock(Caller sysop, Handle handle, Origin origin);

    /** {@code wasLocked} is false when there was nothing to lift (and nothing was recorded). */
    record Outcome(Handle handle, boolean wasLocked) {}
}
