package dev.scrollback.adapters.telnet.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.adapters.telnet.MemoryConnection;
import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.accounts.LogInCaller;
import dev.scrollback.application.accounts.ShowProfile;
import dev.scrollback.application.shared.RateLimited;
import dev.scrollback.domain.accounts.AccountRejected;
import dev.scrollback.domain.accounts.Role;
import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.Channel;
import dev.scrollback.domain.shared.Handle;
import dev.scrollback.domain.shared.RemoteAddress;
import dev.scrollback.domain.shared.SessionId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** A locked account at the telnet prompt: told until when and how, asked for the unlock code, let in with it. */
class LockedAccountDialogueTest {
    static final Instant NOW = Instant.parse("2025-03-01T20:00:00Z");
    static final Instant UNTIL = NOW.plus(Duration.ofMinutes(15));
    static final String PASSWORD = "correct horse battery";
    static final String CODE = "12345678";
    static final Caller ALICE = new Caller(new AccountId(UUID.randomUUID()), new Handle("alice"), new SessionId(UUID.randomUUID()),
            Set.of(Role.MEMBER));

    final List<LogInCaller.Command> attempts = new CopyOnWriteArrayList<>();

    BbsTerminals terminals(LogInCaller logIn) {
        ShowProfile profiles = caller -> new ShowProfile.Profile(caller.account(), caller.handle(), Optional.empty(), true,
                caller.roles(), NOW.minusSeconds(86_400), Optional.of(NOW), Optional.of(new ShowProfile.PreviousLogin(
                NOW.minusSeconds(3600), Channel.WEB, Optional.of(new RemoteAddress("192.0.2.7")))), 10);
        return new BbsTerminals(cmd -> { throw new AssertionError(); }, cmd -> { throw new AssertionError(); },
                cmd -> { throw new AssertionError(); }, logIn, (caller, origin) -> {}, (session, reason, origin) -> {},
                viewer -> List.of(), Optional.of(profiles),
                new BbsSettings("Test BBS", Duration.ofMinutes(5), Duration.ofMinutes(5), Clock.fixed(NOW, ZoneOffset.UTC)));
    }

    LogInCaller lockedUnlessCode() {
        return cmd -> {
            attempts.add(cmd);
            if (cmd.unlockCode().map(c -> c.value().equals(CODE)).orElse(false) && cmd.password().value().equals(PASSWORD)) {
                return ALICE;
            }
            throw new AccountRejected(new AccountRejected.LockedOut(UNTIL));
        };
    }

    @Test
    void a_locked_account_is_told_until_when_and_asked_for_the_unlock_code_which_lets_the_owner_in() {
        var connection = new MemoryConnection("alice\r" + PASSWORD + "\r" + CODE + "\rg");
        terminals(lockedUnlessCode()).serve(connection);

        var screen = connection.written();
        assertThat(screen).contains("This account is locked until 2025-03-01 20:15:00 UTC")
                .contains("unlock code")
                .contains("Unlock code from the mail (Enter to skip): ")
                .contains("Welcome, alice!")
                .contains("Last login: 2025-03-01 19:00:00 UTC via web from 192.0.2.7.")
                .contains("10 failed login attempts since then.");
        assertThat(attempts).hasSize(2);
        assertThat(attempts.get(1).unlockCode()).hasValueSatisfying(c -> assertThat(c.value()).isEqualTo(CODE));
        assertThat(attempts.get(1).password().value()).isEqualTo(PASSWORD);
    }

    @Test
    void a_wrong_unlock_code_does_not_let_anyone_in_and_enter_skips_the_question() {
        var connection = new MemoryConnection("alice\r" + PASSWORD + "\r00000000\ralice\rwhatever\r\r");
        terminals(lockedUnlessCode()).serve(connection);

        assertThat(connection.written()).contains("That did not unlock it").doesNotContain("Welcome");
        assertThat(attempts).hasSize(3);
    }

    @Test
    void a_slowed_down_login_is_told_how_long_to_wait() {
        var connection = new MemoryConnection("alice\rwrong\r");
        terminals(cmd -> { throw new RateLimited(Duration.ofSeconds(4)); }).serve(connection);

        assertThat(connection.written()).contains("Too many attempts: try again in 4 seconds.");
    }
}
