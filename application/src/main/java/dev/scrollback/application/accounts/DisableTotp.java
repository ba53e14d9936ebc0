package dev.scrollback.application.accounts;

import dev.scrollback.application.shared.Origin;
import dev.scrollback.domain.accounts.Secret;

/**
 * In-port: turn TOTP off for the caller's own account, confirmed with the current password ({@code TotpDisabled});
 * the key and the unused recovery codes stop working. Refuses with {@code WrongPassword} or {@code TotpNotEnabled}.
 */
public interface DisableTotp {
    void disable(Caller caller, Secret password, Origin origin);
}
