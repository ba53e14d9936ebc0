package dev.scrollback.domain.accounts;

import dev.scrollback.domain.shared.Handle;
import dev.scrollback.domain.shared.Rejection;

/** An account command was refused; {@link #reason()} says why, as a record every adapter maps exhaustively. */
public final class AccountRejected extends Rejection {
    public sealed interface Reason {}

    public record HandleTaken(Handle handle) implements Reason {}

    public record HandleReserved(Handle handle) implements Reason {}

    public record AlreadyRegistered() implements Reason {}

    public record UnknownAccount() implements Reason {}

    /** Wrong handle or wrong password: deliberately one reason, so nothing tells which. */
    public record InvalidCredentials() implements Reason {}

    public record EmailNotVerified(Handle handle) implements Reason {}

    public record AlreadyVerified() implements Reason {}

    public record NoEmailOnFile() implements Reason {}

    public record WrongCode() implements Reason {}

    public record CodeExpired() implements Reason {}

    public record WeakPassword(PasswordPolicy.Weakness weakness) implements Reason {}

    /** Locked after too many wrong passwords until {@code until}; the mailed unlock code (with the password) opens it. */
    public record LockedOut(java.time.Instant until) implements Reason {}

    /** Too many wrong passwords in a row: the next attempt is looked at from {@code notBefore} on. */
    public record SlowDown(java.time.Instant notBefore) implements Reason {}

    /** Only an account that is locked or has failed logins can be unlocked. */
    public record NotLocked() implements Reason {}

    /** The password was right, and the account has TOTP: the login needs an authenticator or recovery code too. */
    public record TotpRequired() implements Reason {}

    /** The authenticator or recovery code is wrong, or was used before; counts as a failed login. */
    public record WrongTotp() implements Reason {}

    public record TotpAlreadyEnabled() implements Reason {}

    public record TotpNotEnabled() implements Reason {}

    /**
     * A sysop locked the account, until {@code until} or (empty) until a sysop unlocks it. Told only to a caller who
     * typed the right password, so it reveals nothing to a stranger.
     */
    public record LockedBySysop(java.util.Optional<java.time.Instant> until, java.util.Optional<LockNote> note) implements Reason {}

    /** A sysop requires a new password: the right old one is refused until a reset code sets one. */
    public record PasswordResetRequired() implements Reason {}

    /** A lock cannot end before it starts. */
    public record LockEndsInThePast() implements Reason {}

    /** The account was erased already: there is nothing left to erase. */
    public record AlreadyErased() implements Reason {}

    /** A change to the account that needs the current password was sent the wrong one. */
    public record WrongPassword() implements Reason {}

    private final Reason reason;

    public AccountRejected(Reason reason) {
        super(reason);
        this.reason = reason;
    }

    @Override
    public Reason reason() {
        return reason;
    }
}
