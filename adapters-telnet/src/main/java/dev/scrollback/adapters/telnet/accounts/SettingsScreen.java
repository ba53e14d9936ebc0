package dev.scrollback.adapters.telnet.accounts;

import dev.scrollback.application.shared.Activity;
import dev.scrollback.adapters.telnet.shared.CallerConsole;
import dev.scrollback.adapters.telnet.shared.Echo;
import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.accounts.ChangePassword;
import dev.scrollback.application.accounts.EraseAccount;
import dev.scrollback.domain.accounts.RoleRejected;
import java.util.Optional;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.domain.accounts.AccountRejected;
import dev.scrollback.domain.accounts.AccountRejected.WrongPassword;
import dev.scrollback.domain.accounts.Secret;
import dev.scrollback.domain.shared.InvalidValue;

/** The caller's own settings: only what works. */
public final class SettingsScreen {
    /** Wrong current passwords one login may type before the change is refused for the rest of it (the web's route limit's role). */
    public static final int WRONG_PASSWORDS_PER_LOGIN = 3;

    private final ChangePassword changePassword;
    private final Optional<EraseAccount> eraseAccount;

    public SettingsScreen(ChangePassword changePassword) {
        this(changePassword, Optional.empty());
    }

    private SettingsScreen(ChangePassword changePassword, Optional<EraseAccount> eraseAccount) {
        this.changePassword = changePassword;
        this.eraseAccount = eraseAccount;
    }

    /** The same settings, offering [E] Erase my account as well (decision 0021). */
    public SettingsScreen withErasure(EraseAccount erase) {
        return new SettingsScreen(changePassword, Optional.of(erase));
    }

    /** The settings of one logged-in caller; keep it for the whole login, so the wrong-password count holds across visits. */
    public Visit forCaller(Caller caller, Origin origin) {
        return new Visit(caller, origin);
    }

    public final class Visit {
        private final Caller caller;
        private final Origin origin;
        private int wrongPasswords;

        private Visit(Caller caller, Origin origin) {
            this.caller = caller;
            this.origin = origin;
        }

        /** Returns to the main menu on Q. */
        public void run(CallerConsole console) {
            console.doing(Activity.SETTINGS);
            while (true) {
                console.println();
                console.println("Settings");
                console.println("  [P] Change password");
                if (eraseAccount.isPresent()) console.println("  [E] Erase my account");
                console.println("  [Q] Back");
                switch (console.choose("Your choice", eraseAccount.isPresent() ? "PEQ" : "PQ")) {
                    case 'P' -> changePassword(console);
                    case 'E' -> {
                        if (erase(console)) return;
                    }
                    case 'Q' -> {
                        return;
                    }
                    default -> throw new IllegalStateException("choose() returns only the keys it was given");
                }
            }
        }

        /**
         * Erasure, after a typed confirmation, the password and (when enrolled) a code: true when the account is erased,
         * its sessions then ended (this connection is told and closed). Wrong passwords count with the password change's.
         */
        private boolean erase(CallerConsole console) {
            console.println();
            if (wrongPasswords >= WRONG_PASSWORDS_PER_LOGIN) {
                console.println("Too many wrong passwords: log in again to erase your account.");
                return false;
            }
            console.println("Erasing your account cannot be undone: you can no longer log in, and your email, the");
            console.println("addresses you called from and everything you wrote become unreadable for good. Your handle");
            console.println("stays taken. To keep a copy, download it first from the web: GET /api/v1/me/export.");
            if (!console.prompt("Type ERASE to go on", Echo.VISIBLE).equals("ERASE")) {
                console.println("Nothing erased.");
                return false;
            }
            var password = console.prompt("Your password", Echo.MASKED);
            if (password.isEmpty()) {
                console.println("Nothing erased.");
                return false;
            }
            var code = console.prompt("Authenticator or recovery code (Enter if you have none)", Echo.MASKED);
            try {
                eraseAccount.orElseThrow().eraseOwn(caller, new Secret(password),
                        code.isBlank() ? Optional.empty() : Optional.of(new Secret(code.strip())), origin);
                console.println("Your account is erased. Goodbye.");
                return true;
            } catch (AccountRejected refused) {
                if (refused.reason() instanceof WrongPassword) wrongPasswords++;
                console.println(Refusals.explain(refused.reason()) + " Nothing erased.");
            } catch (RoleRejected refused) {
                console.println("You are the only sysop: make another account a sysop first. Nothing erased.");
            } catch (InvalidValue invalid) {
                console.println(Refusals.explain(invalid) + " Nothing erased.");
            }
            return false;
        }

        /** One attempt: a refusal is explained and the caller is back at the settings menu, free to try again. */
        private void changePassword(CallerConsole console) {
            console.println();
            if (wrongPasswords >= WRONG_PASSWORDS_PER_LOGIN) {
                console.println("Too many wrong passwords: log in again to change your password.");
                return;
            }
            var current = console.prompt("Current password", Echo.MASKED);
            if (current.isEmpty()) {
                console.println("Nothing changed.");
                return;
            }
            var next = console.prompt("New password (at least 12 characters)", Echo.MASKED);
            var again = console.prompt("New password again", Echo.MASKED);
            if (!next.equals(again)) {
                console.println("The two new passwords differ. Nothing changed.");
                return;
            }
            try {
                changePassword.change(caller, new Secret(current), new Secret(next), origin);
                console.println("Your password is changed. Your other sessions have been ended.");
            } catch (AccountRejected refused) {
                if (refused.reason() instanceof WrongPassword) wrongPasswords++;
                console.println(Refusals.explain(refused.reason()) + " Nothing changed.");
            } catch (InvalidValue invalid) {
                console.println(Refusals.explain(invalid) + " Nothing changed.");
            }
        }
    }
}
