package dev.scrollback.adapters.telnet.accounts;

import dev.scrollback.adapters.telnet.shared.CallerConsole;
import dev.scrollback.adapters.telnet.shared.Echo;
import dev.scrollback.application.accounts.CompletePasswordReset;
import dev.scrollback.application.accounts.RequestPasswordReset;
import dev.scrollback.application.accounts.RequestPasswordReset.Identity;
import dev.scrollback.application.shared.RateLimited;
import dev.scrollback.domain.accounts.AccountRejected;
import dev.scrollback.domain.accounts.AccountRejected.CodeExpired;
import dev.scrollback.domain.accounts.AccountRejected.WeakPassword;
import dev.scrollback.domain.accounts.AccountRejected.WrongCode;
import dev.scrollback.domain.accounts.Secret;
import dev.scrollback.domain.shared.InvalidValue;

/**
 * {@code FORGOT} at the handle prompt: a handle or email address, then (whether or not it exists: the same words) the
 * code from the mail and a new password. Whoever types can stop with an empty line, or come back later: the code
 * works for 30 minutes, so a caller may hang up, read the mail and start again.
 */
final class PasswordResetScreen {
    static final int CODE_TRIES = 3;

    private final RequestPasswordReset request;
    private final CompletePasswordReset complete;

    PasswordResetScreen(RequestPasswordReset request, CompletePasswordReset complete) {
        this.request = request;
        this.complete = complete;
    }

    void run(CallerConsole console, Visit visit) {
        console.println();
        console.println("Password reset. We mail a code to the address on file; it works once, for 30 minutes.");
        var typed = console.prompt("Your handle or email address (Enter to stop)", Echo.VISIBLE).strip();
        if (typed.isEmpty()) return;
        try {
            request.request(new RequestPasswordReset.Command(Identity.parse(typed), visit.origin()));
        } catch (InvalidValue invalid) {
            console.println("That is neither a handle nor an email address.");
            return;
        } catch (RateLimited limited) {
            console.println(Refusals.tooMany(limited));
            return;
        }
        console.println("If that account exists and has an email address, a code is on its way.");
        for (int tries = 0; tries < CODE_TRIES; tries++) {
            var code = console.prompt("Code from the mail (Enter to stop)", Echo.VISIBLE).strip();
            if (code.isEmpty()) return;
            switch (setPassword(console, visit, code)) {
                case DONE, STOP -> {
                    return;
                }
                case WRONG_CODE -> { }
            }
        }
        console.println("Too many wrong codes. Ask for a new one with FORGOT.");
    }

    private enum Result { DONE, STOP, WRONG_CODE }

    /** Asks for the new password until it passes the policy (or the caller stops), keeping the code. */
    private Result setPassword(CallerConsole console, Visit visit, String code) {
        while (true) {
            var next = console.prompt("New password (at least 12 characters)", Echo.MASKED);
            if (next.isEmpty()) return Result.STOP;
            var again = console.prompt("New password again", Echo.MASKED);
            if (!next.equals(again)) {
                console.println("The two passwords differ.");
                continue;
            }
            try {
                var outcome = complete.complete(code, new Secret(next), visit.origin());
                console.println("Your password is set. Log in as " + outcome.handle().value() + " with it.");
                return Result.DONE;
            } catch (RateLimited limited) {
                console.println(Refusals.tooMany(limited));
                return Result.STOP;
            } catch (AccountRejected refused) {
                switch (refused.reason()) {
                    case WrongCode wrong -> {
                        console.println("That code is not right, or was used or replaced by a newer one.");
                        return Result.WRONG_CODE;
                    }
                    case CodeExpired expired -> {
                        console.println("That code has expired. Ask for a new one with FORGOT.");
                        return Result.STOP;
                    }
                    case WeakPassword weak -> console.println(weak.weakness().explanation());
                    default -> {
                        console.println(Refusals.explain(refused.reason()));
                        return Result.STOP;
                    }
                }
            } catch (InvalidValue invalid) {
                console.println(Refusals.explain(invalid));
            }
        }
    }
}
