package dev.scrollback.adapters.telnet.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.adapters.telnet.MemoryConnection;
import dev.scrollback.adapters.telnet.shared.CallerConsole;
import dev.scrollback.adapters.telnet.shared.ScreenSize;
import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.accounts.LogInCaller;
import dev.scrollback.domain.accounts.AccountRejected;
import dev.scrollback.domain.accounts.Role;
import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.Handle;
import dev.scrollback.domain.shared.SessionId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** An account with TOTP at the telnet prompt: the code is asked for after the right password, and only then. */
class TotpLoginDialogueTest {
    static final String PASSWORD = "correct horse battery";
    static final String CODE = "287082";
    static final Caller ALICE = new Caller(new AccountId(UUID.randomUUID()), new Handle("alice"), new SessionId(UUID.randomUUID()),
            Set.of(Role.MEMBER));

    final List<LogInCaller.Command> attempts = new CopyOnWriteArrayList<>();

    /** Wrong password: invalid credentials; right one: the code is required, and the right one lets in. */
    LogInCaller withTotp() {
        return cmd -> {
            attempts.add(cmd);
            if (!cmd.password().value().equals(PASSWORD)) throw new AccountRejected(new AccountRejected.InvalidCredentials());
            if (cmd.totp().isEmpty()) throw new AccountRejected(new AccountRejected.TotpRequired());
            if (!cmd.totp().get().value().equals(CODE)) throw new AccountRejected(new AccountRejected.WrongTotp());
            return ALICE;
        };
    }

    Optional<Caller> dialogue(MemoryConnection connection) {
        var screen = new LoginScreen(withTotp(), cmd -> { throw new AssertionError(); }, cmd -> { throw new AssertionError(); },
                cmd -> { throw new AssertionError(); });
        try (var console = CallerConsole.open(connection.input(), connection.output(), () -> new ScreenSize(80, 24), connection::close,
                "totp-dialogue-test")) {
            return screen.logIn(console, new Visit(connection.origin(), connection::terminal));
        }
    }

    @Test
    void the_code_is_asked_for_after_the_right_password_and_lets_the_caller_in() {
        var connection = new MemoryConnection("alice\r" + PASSWORD + "\r" + CODE + "\r");
        assertThat(dialogue(connection)).contains(ALICE);

        assertThat(connection.written()).contains("Authenticator code (or a recovery code): ");
        assertThat(attempts).hasSize(2);
        assertThat(attempts.get(1).totp()).hasValueSatisfying(c -> assertThat(c.value()).isEqualTo(CODE));
        assertThat(attempts.get(1).password().value()).isEqualTo(PASSWORD);
    }

    @Test
    void a_wrong_password_is_never_asked_for_a_code() {
        var connection = new MemoryConnection("alice\rguess one\ralice\rguess two\ralice\rguess three\r");
        assertThat(dialogue(connection)).isEmpty();

        assertThat(connection.written()).doesNotContain("Authenticator code").contains("Wrong handle or password.")
                .contains("Too many failed logins");
    }

    @Test
    void a_wrong_code_is_told_and_counts_as_a_failed_login() {
        var connection = new MemoryConnection("alice\r" + PASSWORD + "\r000000\ralice\r" + PASSWORD + "\r" + CODE + "\r");
        assertThat(dialogue(connection)).contains(ALICE);

        assertThat(connection.written()).contains("That code is wrong or was already used.");
        assertThat(attempts).hasSize(4);
    }
}
