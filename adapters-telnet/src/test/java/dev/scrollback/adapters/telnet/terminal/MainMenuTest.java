package dev.scrollback.adapters.telnet.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.adapters.telnet.MemoryConnection;
import dev.scrollback.adapters.telnet.accounts.SettingsScreen;
import dev.scrollback.adapters.telnet.presence.WhoIsOnlineScreen;
import dev.scrollback.adapters.telnet.shared.CallerConsole;
import dev.scrollback.adapters.telnet.shared.ScreenSize;
import dev.scrollback.application.accounts.Caller;
import dev.scrollback.domain.accounts.Role;
import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.Handle;
import dev.scrollback.domain.shared.SessionId;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The main menu lists only entries that work: Settings only where a password can be changed. */
class MainMenuTest {
    static final Caller ALICE = new Caller(new AccountId(UUID.randomUUID()), new Handle("alice"), new SessionId(UUID.randomUUID()),
            Set.of(Role.MEMBER));
    final WhoIsOnlineScreen whoIsOnline = new WhoIsOnlineScreen(viewer -> List.of(), Clock.systemUTC());

    String run(MainMenu menu, String typed) {
        var connection = new MemoryConnection(typed);
        try (var console = CallerConsole.open(connection.input(), connection.output(), () -> new ScreenSize(80, 24),
                connection::close, "main-menu-test")) {
            menu.run(console, ALICE, connection.origin());
        }
        return connection.written();
    }

    @Test
    void without_settings_the_menu_has_no_settings_entry_and_ignores_s() {
        var screen = run(new MainMenu(whoIsOnline), "sg");
        assertThat(screen).doesNotContain("[S] Settings").doesNotContain("Change password");
    }

    @Test
    void with_settings_s_opens_them_and_q_comes_back_to_the_main_menu() {
        var changes = new AtomicInteger();
        var menu = new MainMenu(whoIsOnline).withSettings(new SettingsScreen((c, current, next, o) -> changes.incrementAndGet()));
        var screen = run(menu, "sqg");
        assertThat(screen).contains("[S] Settings", "[P] Change password", "[Q] Back");
        assertThat(screen.lastIndexOf("Main menu")).isGreaterThan(screen.indexOf("[P] Change password"));
        assertThat(changes).hasValue(0);
    }
}
