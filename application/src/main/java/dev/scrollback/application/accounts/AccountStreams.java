package dev.scrollback.application.accounts;

import dev.scrollback.application.shared.StreamId;
import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.Handle;

/** Where account facts live: one stream per account, one per handle (holding the claim that makes it unique). */
public final class AccountStreams {
    private AccountStreams() {}

    public static StreamId account(AccountId id) {
        return StreamId.of("account", id);
    }

    public static StreamId handle(Handle handle) {
        return StreamId.of("handle", handle.key());
    }
}
