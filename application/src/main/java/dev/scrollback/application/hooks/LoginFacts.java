package dev.scrollback.application.hooks;

import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.Channel;
import dev.scrollback.domain.shared.Handle;
import java.util.Objects;

/** Who just logged in, through which channel, and whether it is their first login. */
public record LoginFacts(AccountId account, Handle handle, Channel channel, boolean firstLogin) {
    public LoginFacts {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(handle, "handle");
        Objects.requireNonNull(channel, "channel");
    }
}
