package dev.scrollback.application.accounts;

import dev.scrollback.domain.accounts.EmailAddress;
import dev.scrollback.domain.accounts.Role;
import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.Channel;
import dev.scrollback.domain.shared.Handle;
import dev.scrollback.domain.shared.RemoteAddress;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * In-port: a caller's own account, as the log has it now. {@code lastLogin} is the login that opened the current
 * session; {@code previousLogin} the one before it, and {@code failedLoginsSincePreviousLogin} the wrong passwords
 * typed on the account between the two (what a caller is shown right after logging in).
 */
public interface ShowProfile {
    Profile show(Caller caller);

    record Profile(AccountId account, Handle handle, Optional<EmailAddress> email, boolean emailVerified,
                   Set<Role> roles, Instant registeredAt, Optional<Instant> lastLogin, Optional<PreviousLogin> previousLogin,
                   int failedLoginsSincePreviousLogin) {
        public Profile(AccountId account, Handle handle, Optional<EmailAddress> email, boolean emailVerified,
                       Set<Role> roles, Instant registeredAt, Optional<Instant> lastLogin) {
            this(account, handle, email, emailVerified, roles, registeredAt, lastLogin, Optional.empty(), 0);
        }
    }

    /** When and from where the caller logged in before: {@code address} is personal data. */
    record PreviousLogin(Instant at, Channel channel, Optional<RemoteAddress> address) {}
}
