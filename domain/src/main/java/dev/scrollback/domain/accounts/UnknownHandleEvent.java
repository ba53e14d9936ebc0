package dev.scrollback.domain.accounts;

import dev.scrollback.domain.shared.DomainEvent;
import dev.scrollback.domain.shared.Handle;
import java.time.Instant;

/**
 * Failed logins on handles that nobody holds: no account stream is made for a guessed name, but an auditor still
 * needs to see a credential-stuffing run (SPEC: logins and failures, with time, address, channel and handle). Stored
 * one stream a day ({@code loginfailures-<yyyy-mm-dd>}), so no stream grows without end. Written only when a password
 * was checked, as for a known account: an attempt refused early (slowed down, locked) costs nothing and is not recorded.
 */
public sealed interface UnknownHandleEvent extends DomainEvent {
    Instant at();

    /** {@code locked}: this failure locked the name, under the same policy as an account ({@link LoginAttempts}). */
    record UnknownHandleLoginFailed(Handle handle, boolean locked, Instant at) implements UnknownHandleEvent {}
}
