package dev.scrollback.adapters.telnet.accounts;

import dev.scrollback.application.shared.Activity;
import dev.scrollback.adapters.telnet.shared.CallerConsole;
import dev.scrollback.adapters.telnet.shared.Echo;
import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.accounts.ChangePassword;
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

    public SettingsScreen(ChangePassword changePassword) {
        this.changePassword = changePassword;
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
                console.println("  [Q] Back");
                switch (console.choose("Your choice", "PQ")) {
                    case 'P' -> changePassword(console);
                    case 'Q' -> {
                        return;
                    }
                    default -> throw new IllegalStateException("choose() returns only the keys it was given");
                }
            }
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
