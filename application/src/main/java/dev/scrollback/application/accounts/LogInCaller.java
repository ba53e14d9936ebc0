package dev.scrollback.application.accounts;

import dev.scrollback.application.shared.Origin;
import dev.scrollback.domain.accounts.Secret;
import dev.scrollback.domain.sessions.Terminal;
import dev.scrollback.domain.shared.Handle;
import java.util.Optional;

/**
 * In-port: log in with handle and password, opening a session ({@code LoginSucceeded} and {@code SessionStarted},
 * atomically). The session's id is the origin's session id when it has one (a telnet connection), else a new one.
 * Refuses with {@code InvalidCredentials} (wrong handle or password, indistinguishably), {@code EmailNotVerified},
 * {@code LockedOut} (after {@value dev.scrollback.domain.accounts.LoginAttempts#LOCK_AT} wrong passwords in a row;
 * the mailed unlock code with the right password still lets the owner in) or
 * {@link dev.scrollback.application.shared.RateLimited} (slowed down after
 * {@value dev.scrollback.domain.accounts.LoginAttempts#SLOW_DOWN_FROM} wrong passwords, or too many attempts from
 * one address). Unknown handles answer exactly like existing ones, lock included.
 */
public interface LogInCaller {
    Caller logIn(Command command);

    /**
     * {@code totp}: an authenticator code or a recovery code, for an account with TOTP on; without it such an account
     * answers {@code TotpRequired} after the right password, and a wrong or reused one {@code WrongTotp} (counted as a
     * failed login).
     */
    record Command(Handle handle, Secret password, Origin origin, Optional<Terminal> terminal, Optional<Secret> unlockCode,
                   Optional<Secret> totp) {
        public Command(Handle handle, Secret password, Origin origin, Optional<Terminal> terminal, Optional<Secret> unlockCode) {
            this(handle, password, origin, terminal, unlockCode, Optional.empty());
        }

        public Command(Handle handle, Secret password, Origin origin, Optional<Terminal> terminal) {
            this(handle, password, origin, terminal, Optional.empty(), Optional.empty());
        }
    }
}
