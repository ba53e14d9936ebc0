package dev.scrollback.adapters.web.terminal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scrollback.adapters.web.terminal.TerminalFrames.Input;
import dev.scrollback.adapters.web.terminal.TerminalFrames.Rejected;
import dev.scrollback.adapters.web.terminal.TerminalFrames.Resize;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.domain.sessions.Terminal;
import dev.scrollback.domain.shared.Channel;
import dev.scrollback.domain.shared.RemoteAddress;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** One web-terminal socket as the engine sees it, with a recording wire and a hand-moved nanosecond ticker. */
class WebTerminalConnectionTest {
    final Wire wire = new Wire();
    final AtomicLong nanos = new AtomicLong();
    final WebTerminalConnection connection = new WebTerminalConnection(wire,
            Origin.of(Channel.WEB, new RemoteAddress("192.0.2.7")), Duration.ofSeconds(60), nanos::get);

    @Test
    void typed_frames_are_read_in_order_and_the_input_ends_when_the_socket_closes() throws IOException {
        assertThat(connection.receive(new Input("sy".getBytes(StandardCharsets.UTF_8)))).isTrue();
        assertThat(connection.receive(new Input("sop\r".getBytes(StandardCharsets.UTF_8)))).isTrue();
        var buffer = new byte[3];
        assertThat(connection.input().read(buffer)).isEqualTo(2);
        assertThat(connection.input().read(buffer)).isEqualTo(3);
        assertThat(new String(buffer, StandardCharsets.UTF_8)).isEqualTo("sop");
        assertThat(connection.input().read()).isEqualTo('\r');
        connection.socketClosed();
        assertThat(connection.input().read()).isEqualTo(-1);
        assertThat(wire.closes).isEmpty();
    }

    @Test
    void the_terminal_is_a_utf8_xterm_of_80_by_24_until_the_browser_says_its_size() {
        assertThat(connection.terminal()).isEqualTo(new Terminal("xterm-256color", 80, 24));
        connection.receive(new Resize(132, 43));
        connection.awaitSize(Duration.ZERO);
        assertThat(connection.terminal()).isEqualTo(new Terminal("xterm-256color", 132, 43));
        assertThat(connection.origin().channel()).isEqualTo(Channel.WEB);
    }

    @Test
    void a_rejected_frame_closes_with_a_policy_violation_and_ends_the_input() throws IOException {
        assertThat(connection.receive(new Rejected("control message is not JSON"))).isFalse();
        assertThat(wire.closes).containsExactly("1008 control message is not JSON");
        assertThat(connection.input().read()).isEqualTo(-1);
        assertThatThrownBy(() -> connection.output().write('x')).isInstanceOf(IOException.class);
    }

    @Test
    void input_the_engine_has_not_read_is_bounded() throws IOException {
        var chunk = new byte[TerminalFrames.MAX_INPUT_BYTES];
        int accepted = 0;
        while (connection.receive(new Input(chunk))) accepted++;
        assertThat(accepted * chunk.length).isEqualTo(WebTerminalConnection.MAX_PENDING_INPUT);
        assertThat(wire.closes).containsExactly("1008 too much input at once");
        assertThat(connection.input().read()).isEqualTo(-1);
    }

    @Test
    void a_flood_of_frames_is_cut_off_but_a_steady_typist_is_not() {
        for (int i = 0; i < 10 * WebTerminalConnection.FRAME_BURST; i++) {
            nanos.addAndGet(1_000_000_000L / WebTerminalConnection.FRAMES_PER_SECOND);
            assertThat(connection.receive(new Resize(80, 24))).as("frame %d", i).isTrue();
        }
        int accepted = 0;
        while (connection.receive(new Resize(80, 24))) accepted++;
        assertThat(accepted).isBetween(WebTerminalConnection.FRAME_BURST - 1, WebTerminalConnection.FRAME_BURST);
        assertThat(wire.closes).containsExactly("1008 too many frames");
    }

    @Test
    void output_goes_out_as_one_frame_per_write() throws IOException {
        connection.output().write("Handle: ".getBytes(StandardCharsets.UTF_8));
        connection.output().write('\r');
        assertThat(wire.frames).containsExactly("Handle: ", "\r");
    }

    @Test
    void a_browser_that_stops_reading_is_cut_off_once_the_stall_outlasts_the_limit() throws IOException {
        // every reading of this ticker is 61 s after the one before: the write finds its 60 s up without waiting
        var ticking = new WebTerminalConnection(wire, connection.origin(), Duration.ofSeconds(60),
                () -> nanos.getAndAdd(Duration.ofSeconds(61).toNanos()));
        wire.completing = false;                                 // the browser reads nothing more
        ticking.output().write(new byte[WebTerminalConnection.MAX_UNSENT_BYTES]);
        assertThatThrownBy(() -> ticking.output().write('x')).isInstanceOf(IOException.class);
        assertThat(wire.closes).containsExactly("1008 the caller stopped reading");
        assertThat(ticking.input().read()).isEqualTo(-1);
    }

    @Test
    void a_failed_send_closes_the_socket() {
        wire.failing = true;
        assertThatThrownBy(() -> {
            connection.output().write('a');
            connection.output().write('b');
        }).isInstanceOf(IOException.class);
        assertThat(wire.closes).containsExactly("1011 sending failed");
    }

    @Test
    void a_caller_turned_away_is_told_why_before_the_close() {
        connection.refuseWith("Sorry, too many callers right now.\r\n", 1013, "too many callers");
        assertThat(wire.frames).containsExactly("Sorry, too many callers right now.\r\n");
        assertThat(wire.closes).containsExactly("1013 too many callers");
    }

    static final class Wire implements WebTerminalConnection.Wire {
        final List<String> frames = new ArrayList<>();
        final List<String> closes = new ArrayList<>();
        boolean completing = true;
        boolean failing;

        @Override
        public void send(byte[] bytes, Runnable sent, Runnable failed) {
            if (failing) {
                failed.run();
                return;
            }
            frames.add(new String(bytes, StandardCharsets.UTF_8));
            if (completing) sent.run();
        }

        @Override
        public void close(int status, String reason) {
            if (closes.isEmpty()) closes.add(status + " " + reason);
        }
    }
}
