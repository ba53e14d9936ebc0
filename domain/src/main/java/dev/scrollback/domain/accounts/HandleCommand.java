package dev.scrollback.domain.accounts;

import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.Handle;
import java.time.Instant;

/** Commands on a handle's own stream ({@code handle-<folded handle>}), which makes handles unique. */
public sealed interface HandleCommand {
    record Claim(Handle handle, AccountId account, boolean reservedAllowed, Instant at) implements HandleCommand {}
}
