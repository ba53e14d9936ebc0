package dev.scrollback.application.accounts;

import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.SessionId;
import java.util.Optional;

/**
 * In-port: turn a session named by a token into a {@link Caller}, if that session is still open and belongs to that
 * account; roles are read fresh from the log. Counts as activity for idle expiry.
 */
public interface AuthenticateSession {
    Optional<Caller> authenticate(SessionId session, AccountId account);
}
