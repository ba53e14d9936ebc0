package dev.scrollback.application.accounts;

import dev.scrollback.application.shared.Origin;
import dev.scrollback.domain.accounts.EmailAddress;
import dev.scrollback.domain.shared.Handle;

/**
 * In-port: someone asks for a password reset code for a handle or an email address. The answer is the same, and
 * comes as fast, whether or not such an account exists: the work (finding the account, recording
 * {@code PasswordResetRequested}, mailing the code) happens after the answer. Limited per address by the adapters
 * and per handle or address here ({@code RateLimited}), whether or not it exists, so the limit tells nothing either.
 */
public interface RequestPasswordReset {
    void request(Command command);

    record Command(Identity identity, Origin origin) {}

    /** Who the caller says they are: a handle, or the email address on file. */
    sealed interface Identity {
        record ByHandle(Handle handle) implements Identity {}

        record ByEmail(EmailAddress email) implements Identity {}

        /** An address has an {@code @}; anything else must be a handle ({@code InvalidValue} if neither). */
        static Identity parse(String typed) {
            if (typed == null || typed.isBlank()) throw new dev.scrollback.domain.shared.InvalidValue("handleOrEmail", "is required");
            var stripped = typed.strip();
            return stripped.indexOf('@') >= 0 ? new ByEmail(new EmailAddress(stripped)) : new ByHandle(new Handle(stripped));
        }
    }
}
