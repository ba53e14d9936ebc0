package dev.scrollback.adapters.telnet.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Titles and banners: box art and colour where the terminal has them, never wider than the terminal. */
class ThemeTest {
    @Test
    void a_plain_terminal_gets_the_plain_title() {
        assertThat(new Theme(TerminalProfile.PLAIN, 80).title("Main menu")).isEqualTo("Main menu");
        assertThat(new Theme(TerminalProfile.PLAIN, 40).banner("Test BBS")).containsExactly("Test BBS", "========");
    }

    @Test
    void a_graphic_terminal_without_colour_gets_box_art_to_the_width() {
        var title = new Theme(TerminalProfile.UTF_8, 40).title("Main menu");
        assertThat(title).startsWith("══╡ Main menu ╞═").doesNotContain("\u001b").hasSize(39);
        assertThat(new Theme(TerminalProfile.UTF_8, 40).banner("Test BBS"))
                .containsExactly("╔══════════════════╗", "║ ░▒▓ Test BBS ▓▒░ ║", "╚══════════════════╝");
    }

    @Test
    void a_colour_terminal_gets_sgr_around_the_same_art_and_the_text_stays_whole() {
        var title = new Theme(TerminalProfile.CP437_COLOUR, 80).title("Mail: 1 unread");
        assertThat(title).contains("\u001b[", "Mail: 1 unread", "══╡ ").endsWith("\u001b[0m");
        assertThat(visible(title)).hasSize(79);
        assertThat(new Theme(TerminalProfile.UTF_8_COLOUR, 80).banner("Scrollback"))
                .allSatisfy(line -> assertThat(line).contains("\u001b[").endsWith("\u001b[0m"))
                .anySatisfy(line -> assertThat(line).contains("Scrollback"));
    }

    @Test
    void nothing_is_wider_than_the_terminal_however_narrow() {
        var name = "The Very Long Name Of A Bulletin Board";
        for (var profile : List.of(TerminalProfile.PLAIN, TerminalProfile.UTF_8, TerminalProfile.CP437_COLOUR)) {
            for (int columns = 1; columns <= 100; columns++) {
                var theme = new Theme(profile, columns);
                int usable = Math.max(1, columns - 1);
                assertThat(visible(theme.title("Who's online (12)")).length()).as("%s %d", profile, columns)
                        .isLessThanOrEqualTo(usable);
                assertThat(theme.banner(name)).allSatisfy(line -> assertThat(visible(line).length())
                        .isLessThanOrEqualTo(usable));
            }
        }
    }

    static String visible(String line) {
        return line.replaceAll("\u001b\\[[0-9;]*m", "");
    }
}
