package dev.scrollback.application.accounts;

import dev.scrollback.application.shared.Origin;
import dev.scrollback.domain.accounts.Secret;
import dev.scrollback.domain.shared.Handle;
import java.util.Optional;

/**
 * In-port: erase an account ({@code AccountErased}, decision 0021). From then it cannot log in, its sessions and API
 * keys stop, and the store destroys its data key, so every personal value it held (email, addresses, the text it
 * wrote) reads back erased everywhere, while the log and its hash chain stay whole. The handle stays taken.
 * Refuses with {@code WrongPassword}, {@code TotpRequired}, {@code WrongTotp}, {@code AlreadyErased},
 * {@code UnknownAccount}, or {@code LastSysop} (the board keeps a sysop); a sysop's erasure needs the role
 * ({@link AccessDenied}).
 */
public interface EraseAccount {
    /** The caller erases their own account, confirming with the password and, when TOTP is on, a code. */
    void eraseOwn(Caller caller, Secret password, Optional<Secret> totp, Origin origin);

    /** A sysop (the actor) erases the account holding {@code handle}. */
    void eraseBySysop(Caller sysop, Handle handle, Origin origin);
}
