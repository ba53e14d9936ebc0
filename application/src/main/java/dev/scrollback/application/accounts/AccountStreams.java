package dev.scrollback.application.accounts;

import dev.scrollback.application.shared.StreamId;
import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.Handle;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Where account facts live: one stream per account, one per handle (holding the claim that makes it unique), and one a
 * day for failed logins on handles nobody holds.
 */
public final class AccountStreams {
    private AccountStreams() {}

    public static StreamId account(AccountId id) {
        return StreamId.of("account", id);
    }

    public static StreamId handle(Handle handle) {
        return StreamId.of("handle", handle.key());
    }

    /** The failed logins on unknown handles of one UTC day ({@code loginfailures-2026-11-25}). */
    public static StreamId loginFailures(Instant at) {
        return StreamId.of("loginfailures", at.atOffset(ZoneOffset.UTC).toLocalDate());
    }
}
