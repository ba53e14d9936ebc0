package dev.scrollback.adapters.telnet.accounts;

import dev.scrollback.adapters.telnet.shared.CallerConsole;
import dev.scrollback.adapters.telnet.shared.Echo;
import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.accounts.CompletePasswordReset;
import dev.scrollback.application.accounts.RequestPasswordReset;
import dev.scrollback.application.accounts.LogInCaller;
import dev.scrollback.application.accounts.RegisterCaller;
import dev.scrollback.application.accounts.ResendVerification;
import dev.scrollback.application.accounts.VerifyEmail;
import dev.scrollback.domain.accounts.AccountRejected;
import dev.scrollback.application.shared.RateLimited;
import dev.scrollback.domain.accounts.AccountRejected.EmailNotVerified;
import dev.scrollback.domain.accounts.AccountRejected.LockedOut;
import dev.scrollback.domain.accounts.AccountRejected.TotpRequired;
import dev.scrollback.domain.accounts.Secret;
import dev.scrollback.domain.shared.Handle;
import dev.scrollback.domain.shared.InvalidValue;
import java.util.Optional;

/**
 * The way in (SPEC §4): a handle (or {@code NEW} to sign up), then the password without echo. A caller whose email
 * is not verified yet is asked for the mailed code — only after the right password, so nobody learns who has not
 * verified — and then let straight in. A locked account is asked for the mailed unlock code; a slowed-down login
 * is told how long to wait. An account with TOTP is asked for the authenticator (or a recovery) code after the right
 * password.
 */
public final class LoginScreen {
    static final int MAX_FAILED_LOGINS = 3;
    static final String CODE_PROMPT = "Authenticator code (or a recovery code)";

    private final LogInCaller logInCaller;
    private final RegistrationScreen registration;
    private final VerificationScreen verification;
    private final Optional<PasswordResetScreen> passwordReset;

    public LoginScreen(LogInCaller logInCaller, RegisterCaller registerCaller, VerifyEmail verifyEmail,
                       ResendVerification resendVerification) {
        this.logInCaller = logInCaller;
        this.verification = new VerificationScreen(verifyEmail, resendVerification, logInCaller);
        this.registration = new RegistrationScreen(registerCaller, verification);
        this.passwordReset = Optional.empty();
    }

    private LoginScreen(LoginScreen base, PasswordResetScreen passwordReset) {
        this.logInCaller = base.logInCaller;
        this.verification = base.verification;
        this.registration = base.registration;
        this.passwordReset = Optional.of(passwordReset);
    }

    /** The same screen, where {@code FORGOT} at the handle prompt resets a forgotten password by a mailed code. */
    public LoginScreen withPasswordReset(RequestPasswordReset request, CompletePasswordReset complete) {
        return new LoginScreen(this, new PasswordResetScreen(request, complete));
    }

    /** The line that tells a caller what the handle prompt takes. */
    public String invitation() {
        return passwordReset.isPresent()
                ? "Enter your handle to log in, NEW to sign up, or FORGOT if you forgot your password."
                : "Enter your handle to log in, or NEW to sign up.";
    }

    /** The logged-in caller; empty after too many failed logins, when the session should end. */
    public Optional<Caller> logIn(CallerConsole console, Visit visit) {
        int failures = 0;
        while (failures < MAX_FAILED_LOGINS) {
            var typed = console.prompt("Handle", Echo.VISIBLE).strip();
            if (typed.isEmpty()) continue;
            if (typed.equalsIgnoreCase("FORGOT") && passwordReset.isPresent()) {
                passwordReset.get().run(console, visit);
                console.println();
                continue;
            }
            if (typed.equalsIgnoreCase("NEW")) {
                var signedUp = registration.signUp(console, visit);
                if (signedUp.isPresent()) return signedUp;
                console.println();
                continue;
            }
            Handle handle;
            try {
                handle = new Handle(typed);
            } catch (InvalidValue invalid) {
                console.println(Refusals.explain(invalid));
                continue;
            }
            var typedPassword = console.prompt("Password", Echo.MASKED);
            if (typedPassword.isEmpty()) continue;
            var password = new Secret(typedPassword);           // at most a line long, well under Secret's limit
            try {
                return Optional.of(logInAskingForCode(console, new LogInCaller.Command(handle, password, visit.origin(),
                        Optional.of(visit.terminal().get()))));
            } catch (RateLimited slow) {
                console.println(tooMany(slow));
                failures++;
            } catch (AccountRejected rejected) {
                console.println(Refusals.explain(rejected.reason()));
                if (rejected.reason() instanceof EmailNotVerified) {
                    var verified = verification.verifyAndLogIn(console, visit, handle, password);
                    if (verified.isPresent()) return verified;
                } else if (rejected.reason() instanceof LockedOut) {
                    var unlocked = unlock(console, visit, handle, password);
                    if (unlocked.isPresent()) return unlocked;
                    failures++;
                } else {
                    failures++;
                }
            }
        }
        console.println("Too many failed logins - goodbye.");
        return Optional.empty();
    }

    /** A locked account: the owner types the mailed unlock code and is let in with the password just given. */
    private Optional<Caller> unlock(CallerConsole console, Visit visit, Handle handle, Secret password) {
        var code = console.prompt("Unlock code from the mail (Enter to skip)", Echo.VISIBLE).strip();
        if (code.isEmpty()) return Optional.empty();
        try {
            return Optional.of(logInAskingForCode(console, new LogInCaller.Command(handle, password, visit.origin(),
                    Optional.of(visit.terminal().get()), Optional.of(new Secret(code)))));
        } catch (RateLimited slow) {
            console.println(tooMany(slow));
        } catch (AccountRejected rejected) {
            console.println(rejected.reason() instanceof LockedOut ? "That did not unlock it: check the code and the password."
                    : Refusals.explain(rejected.reason()));
        }
        return Optional.empty();
    }

    /**
     * An account with TOTP answers the right password with {@code TotpRequired}: ask for the code and try once more with
     * it. Asked only after the right password, so the question says nothing to someone guessing passwords.
     */
    private Caller logInAskingForCode(CallerConsole console, LogInCaller.Command command) {
        try {
            return logInCaller.logIn(command);
        } catch (AccountRejected rejected) {
            if (!(rejected.reason() instanceof TotpRequired)) throw rejected;
            var code = console.prompt(CODE_PROMPT, Echo.VISIBLE).strip();
            if (code.isEmpty()) throw rejected;
            return logInCaller.logIn(new LogInCaller.Command(command.handle(), command.password(), command.origin(),
                    command.terminal(), command.unlockCode(), Optional.of(new Secret(code))));
        }
    }

    private static String tooMany(RateLimited slow) {
        return Refusals.tooMany(slow);
    }
}
