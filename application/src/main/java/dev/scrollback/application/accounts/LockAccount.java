package dev.scrollback.application.accounts;

import dev.scrollback.application.shared.Origin;
import dev.scrollback.domain.accounts.LockNote;
import dev.scrollback.domain.shared.Handle;
import java.time.Instant;
import java.util.Optional;

/**
 * In-port: a sysop locks an account ({@code AccountLocked}, cause {@code sysop}, the sysop as actor) until
 * {@code until} or, when empty, until a sysop unlocks it ({@link UnlockAccount}); every session of the account ends
 * (reason {@code kicked}, a live telnet connection is told why) and its tokens and API keys stop working. Only sysops
 * may ({@link AccessDenied}); a sysop cannot lock their own account. Implemented in presence.
 */
public interface LockAccount {
    Outcome lock(Caller sysop, Handle handle, Optional<Instant> until, Optional<LockNote> note, Origin origin);

    record Outcome(Handle handle, Optional<Instant> until, int sessionsEnded) {}
}
