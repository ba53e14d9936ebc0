package dev.scrollback.application.accounts;

import dev.scrollback.application.shared.Origin;
import dev.scrollback.domain.accounts.EmailAddress;
import dev.scrollback.domain.accounts.Secret;
import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.Handle;
import java.util.Optional;

/**
 * In-port: create the first sysop (SPEC §4) — verified, sysop role granted, actor {@code system} — when the store
 * holds none. Returns what happened, so configuration-driven callers can ignore an existing sysop quietly.
 */
public interface CreateSysop {
    Outcome create(Command command);

    record Command(Handle handle, Optional<EmailAddress> email, Secret password, Origin origin) {}

    sealed interface Outcome {
        record Created(AccountId account, Handle handle) implements Outcome {}

        record SysopExists(Handle existing) implements Outcome {}
    }
}
