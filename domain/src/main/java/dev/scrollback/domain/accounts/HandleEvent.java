package dev.scrollback.domain.accounts;

import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.DomainEvent;
import dev.scrollback.domain.shared.Handle;
import java.time.Instant;

/** Facts about a handle: who holds it. Lets a login find the account behind a handle without a projection. */
public sealed interface HandleEvent extends DomainEvent {
    record HandleClaimed(Handle handle, AccountId account, Instant at) implements HandleEvent {}
}
