package dev.scrollback.application.accounts;

import dev.scrollback.application.shared.Decision.Loaded;
import dev.scrollback.application.shared.EventLog;
import dev.scrollback.domain.accounts.HandleDecider;
import dev.scrollback.domain.accounts.HandleEvent;
import dev.scrollback.domain.accounts.HandleState;
import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.Handle;
import java.util.Optional;

/** Finds the account behind a handle by reading the handle's own stream: no projection, so no lag. */
public final class HandleLookup {
    private HandleLookup() {}

    public static Optional<AccountId> accountOf(EventLog log, Handle handle) {
        var loaded = Loaded.load(log, AccountStreams.handle(handle), new HandleDecider(), HandleEvent.class);
        return loaded.state() instanceof HandleState.Claimed c ? Optional.of(c.account()) : Optional.empty();
    }
}
