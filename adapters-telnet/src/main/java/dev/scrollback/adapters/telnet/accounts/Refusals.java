package dev.scrollback.adapters.telnet.accounts;

import dev.scrollback.domain.accounts.AccountRejected;
import dev.scrollback.domain.accounts.AccountRejected.AlreadyRegistered;
import dev.scrollback.domain.accounts.AccountRejected.AlreadyVerified;
import dev.scrollback.domain.accounts.AccountRejected.CodeExpired;
import dev.scrollback.domain.accounts.AccountRejected.EmailNotVerified;
import dev.scrollback.domain.accounts.AccountRejected.HandleReserved;
import dev.scrollback.domain.accounts.AccountRejected.HandleTaken;
import dev.scrollback.domain.accounts.AccountRejected.InvalidCredentials;
import dev.scrollback.domain.accounts.AccountRejected.LockEndsInThePast;
import dev.scrollback.domain.accounts.AccountRejected.LockedBySysop;
import dev.scrollback.domain.accounts.AccountRejected.LockedOut;
import dev.scrollback.domain.accounts.AccountRejected.PasswordResetRequired;
import dev.scrollback.domain.accounts.AccountRejected.NotLocked;
import dev.scrollback.domain.accounts.AccountRejected.SlowDown;
import dev.scrollback.domain.accounts.AccountRejected.NoEmailOnFile;
import dev.scrollback.domain.accounts.AccountRejected.TotpAlreadyEnabled;
import dev.scrollback.domain.accounts.AccountRejected.TotpNotEnabled;
import dev.scrollback.domain.accounts.AccountRejected.TotpRequired;
import dev.scrollback.domain.accounts.AccountRejected.UnknownAccount;
import dev.scrollback.domain.accounts.AccountRejected.WrongPassword;
import dev.scrollback.domain.accounts.AccountRejected.WrongTotp;
import dev.scrollback.domain.accounts.AccountRejected.WeakPassword;
import dev.scrollback.domain.accounts.AccountRejected.WrongCode;
import dev.scrollback.domain.shared.InvalidValue;
import java.util.Locale;

/** One clear line for every way an account action can be refused. Exhaustive: a new reason will not compile here. */
final class Refusals {
    static final java.time.format.DateTimeFormatter TIME =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(java.time.ZoneOffset.UTC);

    private Refusals() {}

    static String explain(AccountRejected.Reason reason) {
        return switch (reason) {
            case HandleTaken taken -> "That handle is taken.";
            case HandleReserved reserved -> "That handle is reserved.";
            case AlreadyRegistered registered -> "That account is already registered.";
            case UnknownAccount unknown -> "Wrong handle or password.";
            case InvalidCredentials invalid -> "Wrong handle or password.";
            case EmailNotVerified notVerified -> "Your email address is not verified yet.";
            case AlreadyVerified verified -> "Your email address is already verified.";
            case NoEmailOnFile noEmail -> "There is no email address on file for that account.";
            case WrongCode wrong -> "That code is not right.";
            case CodeExpired expired -> "That code has expired: type R for a new one.";
            case WeakPassword weak -> weak.weakness().explanation();
            case LockedOut locked -> "This account is locked until " + TIME.format(locked.until())
                    + " after too many wrong passwords. The unlock code in the mail we sent the account's owner, with"
                    + " the right password, lets you in now; or wait, or ask a sysop.";
            case SlowDown slow -> "Too many wrong passwords: wait a few seconds and try again.";
            case NotLocked notLocked -> "That account is not locked.";
            case TotpRequired required -> "This account needs the code from your authenticator app (or a recovery code).";
            case WrongTotp wrong -> "That code is wrong or was already used. Each code works once; try the next one.";
            case TotpAlreadyEnabled enabled -> "Two-factor login is already on.";
            case TotpNotEnabled notEnabled -> "Two-factor login is not on.";
            case WrongPassword wrong -> "That is not your current password.";
            case LockedBySysop locked -> "A sysop locked this account "
                    + locked.until().map(until -> "until " + TIME.format(until)).orElse("until further notice") + "."
                    + locked.note().map(note -> " Note: " + note.value()).orElse("");
            case PasswordResetRequired required -> "A sysop requires a new password for this account. Type FORGOT at the"
                    + " handle prompt and use the code from the mail to set one.";
            case LockEndsInThePast past -> "A lock must end in the future.";
            case dev.scrollback.domain.accounts.AccountRejected.AlreadyErased erased -> "That account was erased already.";
        };
    }

    /** A rate limit held: how long to wait, in whole seconds. */
    static String tooMany(dev.scrollback.application.shared.RateLimited limited) {
        long s = limited.retryAfterSeconds();
        return "Too many attempts: try again in " + s + " second" + (s == 1 ? "" : "s") + ".";
    }

    /** "Handle must be 2 to 24 letters, ...": the value object's own words, with the field it is about. */
    static String explain(InvalidValue invalid) {
        var field = invalid.field();
        var name = field.isEmpty() ? "That" : field.substring(0, 1).toUpperCase(Locale.ROOT) + field.substring(1);
        return name + " " + invalid.getMessage() + ".";
    }
}
