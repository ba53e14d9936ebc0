package dev.scrollback.domain.sessions;

import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.Channel;
import dev.scrollback.domain.shared.Handle;
import dev.scrollback.domain.shared.RemoteAddress;
import java.time.Instant;
import java.util.Optional;

public sealed interface SessionCommand {
    record Start(AccountId account, Handle handle, Channel channel, Optional<RemoteAddress> address,
                 Optional<Terminal> terminal, Instant at) implements SessionCommand {}

    record End(EndReason reason, Instant at) implements SessionCommand {}

    /** A refresh token of generation {@code presentedGeneration} asks for the next one. */
    record Refresh(long presentedGeneration, Instant at) implements SessionCommand {}
}
