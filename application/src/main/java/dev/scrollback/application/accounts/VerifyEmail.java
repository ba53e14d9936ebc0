package dev.scrollback.application.accounts;

import dev.scrollback.application.shared.Origin;
import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.Handle;

/** In-port: prove the email address with the code that was mailed. Wrong or expired codes are refused. */
public interface VerifyEmail {
    Verified verify(Command command);

    record Command(Handle handle, String code, Origin origin) {}

    record Verified(AccountId account, Handle handle) {}
}
