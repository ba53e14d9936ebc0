package dev.scrollback.adapters.telnet.shared;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.adapters.telnet.shared.TerminalProfile.Characters;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The profile comes from the TTYPE name alone; text leaves in the bytes that profile's terminal understands. */
class TerminalProfileTest {
    static final Charset IBM437 = Charset.forName("IBM437");

    @ParameterizedTest(name = "{0} gets {1}, colour {2}")
    @CsvSource({
            "SYNCTERM, CP437, true", "syncterm, CP437, true", "ANSI-BBS, CP437, true", "ANSI, CP437, true",
            "ansi, CP437, true", "PCANSI, CP437, true",
            "xterm-256color, UTF_8, true", "XTERM, UTF_8, true", "xterm, UTF_8, true", "PUTTY, UTF_8, true",
            "LINUX, UTF_8, true", "screen.xterm-256color, UTF_8, true", "tmux-256color, UTF_8, true",
            "rxvt-unicode, UTF_8, true",
            "VT100, UTF_8, false", "vt102, UTF_8, false", "vt220, UTF_8, false",
            "DUMB, ASCII, false", "dumb, ASCII, false", "UNKNOWN, ASCII, false", "unknown, ASCII, false",
            "ansi-nocolor-of-some-sort, ASCII, false", "IBM-3278-2, ASCII, false", "'', ASCII, false"})
    void the_terminal_type_alone_chooses_the_profile(String type, Characters characters, boolean colour) {
        assertThat(TerminalProfile.forType(type)).isEqualTo(new TerminalProfile(characters, colour));
    }

    @Test
    void every_cp437_graphic_survives_the_trip_out_and_back_in() {
        var high = new byte[128];
        for (int i = 0; i < high.length; i++) high[i] = (byte) (0x80 + i);
        var text = new String(high, IBM437);                       // Ç ü é … ░ ▒ ▓ │ ┤ ╡ … █ ▄ ▌ ▐ ▀ α ß … ■ nbsp
        assertThat(text).contains("░▒▓", "█").containsPattern("[─│┌┐└┘═║╔╗╚╝╡╞]{2,}");
        "─│┌┐└┘═║╔╗╚╝╡╞■".codePoints().forEach(c -> assertThat(text).contains(Character.toString(c)));
        assertThat(TerminalProfile.CP437_COLOUR.encode(text)).isEqualTo(high);
        for (int i = 0; i < high.length; i++) {
            assertThat(TerminalProfile.cp437(0x80 + i)).as("byte %x", 0x80 + i).isEqualTo(text.codePointAt(i));
        }
    }

    @Test
    void what_cp437_lacks_becomes_one_question_mark_each() {
        var bytes = TerminalProfile.CP437_COLOUR.encode("a\uD83D\uDE00b ✓ é─");
        assertThat(bytes).isEqualTo(new byte[] {'a', '?', 'b', ' ', '?', ' ', (byte) 0x82, (byte) 0xC4});
    }

    @Test
    void utf8_terminals_get_utf8() {
        assertThat(TerminalProfile.UTF_8_COLOUR.encode("══╡ é \uD83D\uDE00"))
                .isEqualTo("══╡ é \uD83D\uDE00".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void plain_terminals_get_ascii_look_alikes_and_never_an_escape() {
        var sent = TerminalProfile.PLAIN.encode("┌─┐│└┘├┼ ═║╔╝ ░▒▓█ Grüße, Zoë — “façade”… \u001b[1m✓\uD83D\uDE00");
        assertThat(new String(sent, StandardCharsets.US_ASCII))
                .isEqualTo("+-+|++++ -|++ #### Grusse, Zoe - \"facade\"... [1m??");
        for (byte b : sent) assertThat(b & 0xFF).isBetween(0, 0x7E).isNotEqualTo(27);
    }
}
