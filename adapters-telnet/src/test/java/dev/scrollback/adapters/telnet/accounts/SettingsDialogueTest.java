package dev.scrollback.adapters.telnet.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.adapters.telnet.MemoryConnection;
import dev.scrollback.adapters.telnet.shared.CallerConsole;
import dev.scrollback.adapters.telnet.shared.ScreenSize;
import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.accounts.ChangePassword;
import dev.scrollback.domain.accounts.AccountRejected;
import dev.scrollback.domain.accounts.AccountRejected.WeakPassword;
import dev.scrollback.domain.accounts.AccountRejected.WrongPassword;
import dev.scrollback.domain.accounts.PasswordPolicy;
import dev.scrollback.domain.accounts.Role;
import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.Handle;
import dev.scrollback.domain.shared.SessionId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Changing the password from the telnet settings: masked, the new one twice, every refusal explained. */
class SettingsDialogueTest {
    static final String CURRENT = "correct horse battery";
    static final String NEXT = "a new and longer passphrase";
    static final Caller ALICE = new Caller(new AccountId(UUID.randomUUID()), new Handle("alice"), new SessionId(UUID.randomUUID()),
            Set.of(Role.MEMBER));

    record Change(Caller caller, String current, String next) {}

    final List<Change> changes = new CopyOnWriteArrayList<>();
    final ChangePassword changePassword = (caller, current, next, origin) -> {
        if (!current.value().equals(CURRENT)) throw new AccountRejected(new WrongPassword());
        if (next.value().length() < PasswordPolicy.MIN_LENGTH) {
            throw new AccountRejected(new WeakPassword(PasswordPolicy.Weakness.TOO_SHORT));
        }
        changes.add(new Change(caller, current.value(), next.value()));
    };

    MemoryConnection dialogue(String typed) {
        var connection = new MemoryConnection(typed);
        var visit = new SettingsScreen(changePassword).forCaller(ALICE, connection.origin());
        try (var console = CallerConsole.open(connection.input(), connection.output(), () -> new ScreenSize(80, 24),
                connection::close, "settings-dialogue-test")) {
            visit.run(console);
        }
        return connection;
    }

    @Test
    void the_password_is_changed_with_the_current_one_and_the_new_one_twice_all_masked() {
        var connection = dialogue("p" + CURRENT + "\r" + NEXT + "\r" + NEXT + "\rq");

        assertThat(changes).containsExactly(new Change(ALICE, CURRENT, NEXT));
        assertThat(connection.written()).contains("[P] Change password").contains("[Q] Back")
                .contains("Your password is changed. Your other sessions have been ended.")
                .doesNotContain(CURRENT).doesNotContain(NEXT);
    }

    @Test
    void two_different_new_passwords_change_nothing() {
        var connection = dialogue("p" + CURRENT + "\r" + NEXT + "\r" + NEXT + "x\rq");

        assertThat(changes).isEmpty();
        assertThat(connection.written()).contains("The two new passwords differ. Nothing changed.");
    }

    @Test
    void a_wrong_current_or_weak_new_password_is_explained_and_the_caller_may_try_again() {
        var connection = dialogue("pguess\r" + NEXT + "\r" + NEXT + "\r"
                + "p" + CURRENT + "\rshort\rshort\r"
                + "p" + CURRENT + "\r" + NEXT + "\r" + NEXT + "\rq");

        assertThat(connection.written()).contains("That is not your current password. Nothing changed.")
                .contains(PasswordPolicy.Weakness.TOO_SHORT.explanation() + " Nothing changed.");
        assertThat(changes).hasSize(1);
    }

    @Test
    void after_three_wrong_current_passwords_the_change_is_refused_for_the_rest_of_the_login() {
        var wrong = "pguess\r" + NEXT + "\r" + NEXT + "\r";
        var connection = dialogue(wrong.repeat(3) + "p" + "q");

        assertThat(connection.written()).contains("Too many wrong passwords: log in again to change your password.");
        assertThat(changes).isEmpty();
    }
}
