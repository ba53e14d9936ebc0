package dev.scrollback.application.accounts;

import dev.scrollback.application.shared.Origin;
import dev.scrollback.domain.accounts.EmailAddress;
import dev.scrollback.domain.accounts.Secret;
import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.Handle;

/**
 * In-port: sign up. Claims the handle, registers the account and mails a 6-digit verification code, all or nothing.
 * Refuses with {@link dev.scrollback.domain.accounts.AccountRejected} (handle taken or reserved, weak password).
 */
public interface RegisterCaller {
    Registered register(Command command);

    record Command(Handle handle, EmailAddress email, Secret password, Origin origin) {}

    record Registered(AccountId account, Handle handle) {}
}
