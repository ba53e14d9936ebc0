package dev.scrollback.adapters.web.accounts;

import dev.scrollback.adapters.web.shared.Problem;
import dev.scrollback.domain.accounts.AccountRejected;
import dev.scrollback.domain.accounts.RoleRejected;
import dev.scrollback.domain.accounts.RoleRejected.DerivedRole;
import dev.scrollback.domain.accounts.RoleRejected.LastSysop;
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
import io.javalin.config.RoutesConfig;
import io.javalin.http.Header;

/**
 * Every account refusal as a problem; exhaustive, so a new reason fails to compile here. Choices: a reserved handle
 * is {@code handle-taken} (409) like a taken one, since to the caller both mean "pick another"; a weak password is
 * 422 {@code weak-password} (well-formed, refused by policy), while malformed input is 400 {@code validation-failed}.
 */
public final class AccountProblems {
    private static final String RESEND = "POST /api/v1/accounts/verify/resend";

    private AccountProblems() {}

    /** The application turns a slow-down into RateLimited before it gets here; this is the fallback. */
    private static long secondsUntil(java.time.Instant notBefore) {
        return Math.max(1, java.time.Duration.between(java.time.Instant.now(), notBefore).toSeconds() + 1);
    }

    public static void addTo(RoutesConfig routes) {
        routes.exception(AccountRejected.class, (e, ctx) -> {
            if (e.reason() instanceof SlowDown slow) ctx.header(Header.RETRY_AFTER, Long.toString(secondsUntil(slow.notBefore())));
            of(e.reason()).writeTo(ctx);
        });
    }

    static Problem of(AccountRejected.Reason reason) {
        return switch (reason) {
            case HandleTaken taken -> Problem.of("handle-taken", "Handle taken", 409,
                    "The handle '%s' is already taken; choose another.".formatted(taken.handle().value())).withField("handle");
            case HandleReserved reserved -> Problem.of("handle-taken", "Handle taken", 409,
                    "The handle '%s' is reserved; choose another.".formatted(reserved.handle().value())).withField("handle");
            case WeakPassword weak -> Problem.of("weak-password", "Weak password", 422,
                    weak.weakness().explanation()).withField("password");
            case InvalidCredentials wrong -> Problem.of("invalid-credentials", "Login failed", 401,
                    "The handle or the password is wrong.");
            case EmailNotVerified unverified -> Problem.of("email-not-verified", "Email not verified", 403,
                    "Verify your email address first: send the 6-digit code from the mail we sent you to "
                            + "POST /api/v1/accounts/verify (" + RESEND + " mails a new code).");
            case WrongCode wrong -> Problem.validationFailed("That code is not right. Enter the 6-digit code from the "
                    + "latest mail we sent you, or ask for a new one with " + RESEND + ".").withField("code");
            case CodeExpired expired -> Problem.validationFailed("That code has expired. Ask for a new one with "
                    + RESEND + " and enter the code from that mail.").withField("code");
            case AlreadyVerified verified -> Problem.forStatus(409).withDetail("This email address is already verified; log in.");
            case AlreadyRegistered registered -> Problem.forStatus(409).withDetail("This account is already registered.");
            case NoEmailOnFile none -> Problem.forStatus(409).withDetail("This account has no email address on file.");
            case UnknownAccount unknown -> Problem.forStatus(404).withDetail("There is no such account.");
            case LockedOut locked -> Problem.of("account-locked", "Account locked", 423, ("This account is locked after "
                    + "too many wrong passwords, until %s. To get in now, check the account's mail for the unlock code and "
                    + "send it as \"unlockCode\" together with handle and password to POST /api/v1/sessions; or wait until "
                    + "then, or ask a sysop.").formatted(locked.until()));
            case SlowDown slow -> Problem.of("rate-limited", "Too many requests", 429, "Too many wrong passwords in a row; "
                    + "try again in " + secondsUntil(slow.notBefore()) + " seconds.");
            case NotLocked none -> Problem.forStatus(409).withDetail("This account is not locked.");
            case TotpRequired required -> Problem.of("totp-required", "Authenticator code required", 401,
                    "This account has two-factor login on: send the 6-digit code from your authenticator app (or one of "
                            + "your recovery codes) as \"totp\" together with handle and password to POST /api/v1/sessions.")
                    .withField("totp");
            case WrongTotp wrong -> Problem.of("wrong-totp", "Wrong authenticator code", 401,
                    "That authenticator or recovery code is wrong, expired or already used. Send the current 6-digit code "
                            + "from your authenticator app (each works once), or an unused recovery code, as \"totp\".")
                    .withField("totp");
            case TotpAlreadyEnabled enabled -> Problem.forStatus(409).withDetail("Two-factor login is already on for this "
                    + "account; turn it off first (DELETE /api/v1/me/totp) to enrol a new authenticator.");
            case TotpNotEnabled none -> Problem.forStatus(409).withDetail("Two-factor login is not on for this account.");
            case WrongPassword wrong -> Problem.of("wrong-password", "Wrong password", 403,
                    "The password is not this account's current password.").withField("password");
            case LockedBySysop locked -> Problem.of("account-locked", "Account locked", 423,
                    "A sysop locked this account " + locked.until().map(until -> "until " + until).orElse("until further notice")
                            + "." + locked.note().map(note -> " The sysop's note: " + note.value()).orElse("")
                            + " Only a sysop can lift it before then.");
            case PasswordResetRequired required -> Problem.of("password-reset-required", "Password reset required", 403,
                    "A sysop requires a new password for this account, so the old one no longer logs in. Send the code "
                            + "from the mail we sent you with a new password to POST /api/v1/password-resets/complete, or "
                            + "ask for a fresh code with POST /api/v1/password-resets.");
            case AccountRejected.AlreadyErased erased -> Problem.of("account-erased", "Account erased", 409,
                    "This account was erased already; its personal data is unreadable and nothing more can be done with it.");
            case LockEndsInThePast past -> Problem.validationFailed("A lock must end in the future; leave \"until\" out "
                    + "to lock until a sysop unlocks.").withField("until");
        };
    }

    /** A role change or an erasure refused for the board's sake (the last sysop stays). */
    public static Problem of(RoleRejected.Reason reason) {
        return switch (reason) {
            case DerivedRole derived -> Problem.forStatus(409).withDetail(("The role '%s' follows from whether the "
                    + "account's email is verified; it cannot be granted or revoked.").formatted(derived.role().wireName()));
            case LastSysop last -> Problem.forStatus(409).withDetail("This is the only sysop: grant the sysop role to "
                    + "another account first, so that someone can still administer the board.");
        };
    }
}
