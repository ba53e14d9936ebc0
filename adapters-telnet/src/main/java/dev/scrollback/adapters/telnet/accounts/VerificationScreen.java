package dev.scrollback.adapters.telnet.accounts;

import dev.scrollback.adapters.telnet.shared.CallerConsole;
import dev.scrollback.adapters.telnet.shared.Echo;
import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.accounts.LogInCaller;
import dev.scrollback.application.accounts.ResendVerification;
import dev.scrollback.application.accounts.VerifyEmail;
import dev.scrollback.application.shared.RateLimited;
import dev.scrollback.domain.accounts.AccountRejected;
import dev.scrollback.domain.accounts.AccountRejected.AlreadyVerified;
import dev.scrollback.domain.accounts.Secret;
import dev.scrollback.domain.shared.Handle;
import java.util.Optional;

/** Asks for the code mailed at sign-up (or a fresh one), then logs the caller straight in. */
final class VerificationScreen {
    static final int MAX_WRONG_CODES = 5;

    private final VerifyEmail verifyEmail;
    private final ResendVerification resendVerification;
    private final LogInCaller logInCaller;

    VerificationScreen(VerifyEmail verifyEmail, ResendVerification resendVerification, LogInCaller logInCaller) {
        this.verifyEmail = verifyEmail;
        this.resendVerification = resendVerification;
        this.logInCaller = logInCaller;
    }

    /**
     * Returns the logged-in caller once the right code is in, using the password the caller just gave; empty when
     * they leave it for later (an empty line) or got it wrong too often. They are asked again at their next login.
     */
    Optional<Caller> verifyAndLogIn(CallerConsole console, Visit visit, Handle handle, Secret password) {
        int wrong = 0;
        while (true) {
            var answer = console.prompt("6-digit code from the mail (R sends a new one)", Echo.VISIBLE).strip();
            if (answer.isEmpty()) {
                console.println("You can enter the code the next time you log in.");
                return Optional.empty();
            }
            if (answer.equalsIgnoreCase("R")) {
                try {
                    resendVerification.resend(new ResendVerification.Command(handle, visit.origin()));
                    console.println("A new code is on its way; the old one no longer works.");
                } catch (RateLimited limited) {
                    console.println(Refusals.tooMany(limited) + " The last code we sent still works.");
                }
                continue;
            }
            try {
                verifyEmail.verify(new VerifyEmail.Command(handle, answer, visit.origin()));
                console.println("Thank you: your email address is verified.");
            } catch (RateLimited limited) {
                console.println(Refusals.tooMany(limited));
                return Optional.empty();
            } catch (AccountRejected rejected) {
                if (!(rejected.reason() instanceof AlreadyVerified)) {
                    console.println(Refusals.explain(rejected.reason()));
                    if (++wrong >= MAX_WRONG_CODES) {
                        console.println("Too many wrong codes. Ask for a new one (R) at your next login.");
                        return Optional.empty();
                    }
                    continue;
                }
            }
            return logIn(console, visit, handle, password);
        }
    }

    private Optional<Caller> logIn(CallerConsole console, Visit visit, Handle handle, Secret password) {
        try {
            return Optional.of(logInCaller.logIn(new LogInCaller.Command(handle, password, visit.origin(),
                    Optional.of(visit.terminal().get()))));
        } catch (AccountRejected rejected) {
            console.println(Refusals.explain(rejected.reason()));
            return Optional.empty();
        } catch (RateLimited limited) {
            console.println(Refusals.tooMany(limited));
            return Optional.empty();
        }
    }
}
