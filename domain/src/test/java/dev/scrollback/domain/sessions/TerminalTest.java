package dev.scrollback.domain.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scrollback.domain.shared.InvalidValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class TerminalTest {

    @Test
    void a_negotiated_terminal_is_kept() {
        var terminal = new Terminal("XTERM-256COLOR", 132, 50);
        assertThat(terminal.type()).isEqualTo("XTERM-256COLOR");
        assertThat(new Terminal("x", 1, 1).width()).isEqualTo(1);
        assertThat(new Terminal("t".repeat(64), 1000, 1000).height()).isEqualTo(1000);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " ", "vt 100", "vt100\u0000", "\u001b[2J", "ansi\r\n", "ä", "ttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttt"})  // 65
    void a_hostile_type_is_refused(String type) {
        assertThatThrownBy(() -> new Terminal(type, 80, 24)).isInstanceOf(InvalidValue.class);
    }

    @ParameterizedTest
    @CsvSource({"0,24", "80,0", "-1,24", "1001,24", "80,1001", "2147483647,2147483647"})
    void an_impossible_size_is_refused(int width, int height) {
        assertThatThrownBy(() -> new Terminal("ANSI", width, height)).isInstanceOf(InvalidValue.class);
    }

    @Test
    void end_reasons_have_wire_names() {
        assertThat(EndReason.INSTANCE_LOST.wireName()).isEqualTo("instance_lost");
    }
}
