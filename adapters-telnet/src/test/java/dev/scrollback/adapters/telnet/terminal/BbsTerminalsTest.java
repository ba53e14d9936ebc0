package dev.scrollback.adapters.telnet.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.adapters.telnet.FakeBbs;
import dev.scrollback.adapters.telnet.MemoryConnection;
import dev.scrollback.domain.sessions.EndReason;
import dev.scrollback.domain.shared.Channel;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The session engine on an in-memory connection: scripted callers, and hostile ones. */
class BbsTerminalsTest {
    static final String PASSWORD = "correct horse battery";
    static final Duration PLENTY = Duration.ofMinutes(5);

    final FakeBbs bbs = new FakeBbs().withAccount("alice", PASSWORD, true);
    final BbsTerminals terminals = bbs.terminals(PLENTY, PLENTY);

    @Test
    void a_whole_visit_typed_ahead_with_editing_keys_and_arrow_keys_works() {
        var connection = new MemoryConnection("alx\u007fi\bice\u001b[D\r\n" + PASSWORD + "\r\nw\r\ng\r\n");
        terminals.serve(connection);
        var screen = connection.written();
        assertThat(screen).contains("Welcome, alice!", "Who's online (1)", "Goodbye, alice.");
        assertThat(bbs.loggedOut).hasSize(1);
        assertThat(bbs.ended).isEmpty();
        assertThat(connection.closed()).isTrue();
    }

    @Test
    void a_caller_who_hangs_up_in_the_main_menu_ends_the_session_as_dropped() {
        terminals.serve(new MemoryConnection("alice\r" + PASSWORD + "\r"));
        assertThat(bbs.ended).singleElement().satisfies(e -> assertThat(e.reason()).isEqualTo(EndReason.DROPPED));
    }

    @Test
    void three_failed_logins_end_the_visit() {
        var connection = new MemoryConnection("alice\rwrong one\ralice\rwrong two\rbob\rwrong three\ralice\r" + PASSWORD + "\r");
        terminals.serve(connection);
        assertThat(connection.written()).contains("Too many failed logins - goodbye.").doesNotContain("Welcome");
    }

    @Test
    void the_whos_online_table_fits_a_narrow_terminal() {
        bbs.withSomeoneOnline("a_rather_long_handle_xyz", Channel.WEB, Duration.ofDays(3));
        var connection = new MemoryConnection("alice\r" + PASSWORD + "\rw");
        terminals.serve(connection);
        var table = connection.written().substring(connection.written().indexOf("Who's online"));
        assertThat(table.lines()).allSatisfy(line -> assertThat(line.length()).isLessThan(40));
        assertThat(table).contains("a_rather_long_handle_x~", "3d00h");
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)   // only so a hang cannot stall the build
    void random_and_hostile_input_never_breaks_a_session_and_never_leaves_one_open() {
        var random = new Random(0xB85L);
        String[] pieces = {"a", "N", "E", "W", "new\r", "\r", "\n", "\r\0", "\b", "\u007f", "\u0015", "\u001b", "\u001b[",
                "1", "\u001b[A", "\u00e9", "R", "w", "g", "alice\r" + PASSWORD + "\r", "123456\r", "x@example.org\r", "\0"};
        for (int round = 0; round < 300; round++) {
            var typed = new ByteArrayOutputStream();
            int length = random.nextInt(400);
            for (int i = 0; i < length; i++) {
                if (random.nextInt(4) == 0) {
                    typed.write(random.nextInt(256));
                } else {
                    typed.writeBytes(pieces[random.nextInt(pieces.length)].getBytes(StandardCharsets.UTF_8));
                }
            }
            var input = typed.toByteArray();
            var connection = new MemoryConnection(input);
            terminals.serve(connection);                     // must return normally, whatever was typed
            assertThat(connection.closed()).as("round %d closed", round).isTrue();
            assertThat(bbs.online).as("round %d: every session that started has ended", round).isEmpty();
            assertThat(connection.writtenBytes()).as("round %d output", round).isLessThan(100 * input.length + 4096);
        }
    }
}
