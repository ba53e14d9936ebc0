package dev.scrollback.adapters.telnet.accounts;

import dev.scrollback.adapters.telnet.shared.CallerConsole;
import dev.scrollback.adapters.telnet.shared.Echo;
import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.accounts.RegisterCaller;
import dev.scrollback.application.shared.RateLimited;
import dev.scrollback.domain.accounts.AccountRejected;
import dev.scrollback.domain.accounts.AccountRejected.HandleReserved;
import dev.scrollback.domain.accounts.AccountRejected.HandleTaken;
import dev.scrollback.domain.accounts.AccountRejected.WeakPassword;
import dev.scrollback.domain.accounts.EmailAddress;
import dev.scrollback.domain.accounts.PasswordPolicy;
import dev.scrollback.domain.accounts.Secret;
import dev.scrollback.domain.shared.Handle;
import dev.scrollback.domain.shared.InvalidValue;
import java.util.Optional;

/**
 * Sign-up, one prompt at a time (SPEC §4): handle, email, password, the password again, then the mailed code. What
 * can be checked here is checked at once, so nobody types four answers to hear the first was wrong; the use case
 * checks everything again. An empty answer goes back to the login prompt.
 */
final class RegistrationScreen {
    private final RegisterCaller registerCaller;
    private final VerificationScreen verification;

    RegistrationScreen(RegisterCaller registerCaller, VerificationScreen verification) {
        this.registerCaller = registerCaller;
        this.verification = verification;
    }

    Optional<Caller> signUp(CallerConsole console, Visit visit) {
        console.println();
        console.println("Sign up");
        console.println("A handle is 2 to 24 letters, digits, _ or -, starting with a letter.");
        console.println("Leave any answer empty to go back.");
        var handle = askHandle(console);
        if (handle.isEmpty()) return Optional.empty();
        var email = askEmail(console);
        if (email.isEmpty()) return Optional.empty();
        var password = askPassword(console, handle.get(), email.get());
        if (password.isEmpty()) return Optional.empty();
        while (true) {
            try {
                registerCaller.register(new RegisterCaller.Command(handle.get(), email.get(), password.get(), visit.origin()));
                break;
            } catch (AccountRejected rejected) {
                console.println(Refusals.explain(rejected.reason()));
                if (rejected.reason() instanceof HandleTaken || rejected.reason() instanceof HandleReserved) {
                    handle = askHandle(console);
                    if (handle.isEmpty()) return Optional.empty();
                } else if (rejected.reason() instanceof WeakPassword) {
                    password = askPassword(console, handle.get(), email.get());
                    if (password.isEmpty()) return Optional.empty();
                } else {
                    return Optional.empty();
                }
            } catch (InvalidValue invalid) {
                console.println(Refusals.explain(invalid));
                return Optional.empty();
            } catch (RateLimited limited) {
                console.println(Refusals.tooMany(limited));
                return Optional.empty();
            }
        }
        console.println("Thanks, " + handle.get().value() + "! We mailed a 6-digit code to " + email.get().value() + ".");
        return verification.verifyAndLogIn(console, visit, handle.get(), password.get());
    }

    private static Optional<Handle> askHandle(CallerConsole console) {
        while (true) {
            var typed = console.prompt("New handle", Echo.VISIBLE).strip();
            if (typed.isEmpty()) return Optional.empty();
            try {
                var handle = new Handle(typed);
                if (!handle.isReserved()) return Optional.of(handle);
                console.println("That handle is reserved.");
            } catch (InvalidValue invalid) {
                console.println(Refusals.explain(invalid));
            }
        }
    }

    private static Optional<EmailAddress> askEmail(CallerConsole console) {
        while (true) {
            var typed = console.prompt("Email address", Echo.VISIBLE).strip();
            if (typed.isEmpty()) return Optional.empty();
            try {
                return Optional.of(new EmailAddress(typed));
            } catch (InvalidValue invalid) {
                console.println(Refusals.explain(invalid));
            }
        }
    }

    private static Optional<Secret> askPassword(CallerConsole console, Handle handle, EmailAddress email) {
        console.println("Choose a password of at least " + PasswordPolicy.MIN_LENGTH
                + " characters; a short phrase is easy to remember.");
        while (true) {
            var first = console.prompt("Password", Echo.MASKED);
            if (first.isEmpty()) return Optional.empty();
            Secret password;
            try {
                password = new Secret(first);
            } catch (InvalidValue invalid) {
                console.println(Refusals.explain(invalid));
                continue;
            }
            var weakness = PasswordPolicy.check(password, handle, Optional.of(email));
            if (weakness.isPresent()) {
                console.println(weakness.get().explanation());
                continue;
            }
            var second = console.prompt("Password again", Echo.MASKED);
            if (second.equals(first)) return Optional.of(password);
            console.println("The two passwords differ. Once more, please.");
        }
    }
}
