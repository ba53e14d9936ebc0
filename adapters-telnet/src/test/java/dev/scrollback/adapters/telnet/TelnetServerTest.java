package dev.scrollback.adapters.telnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scrollback.application.terminal.TerminalConnection;
import dev.scrollback.application.terminal.Terminals;
import dev.scrollback.domain.sessions.Terminal;
import dev.scrollback.domain.shared.Channel;
import dev.scrollback.domain.shared.RemoteAddress;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The listener and the telnet connection on their own, with the session engine replaced by small fakes. */
class TelnetServerTest {
    final List<AutoCloseable> open = new ArrayList<>();
    final List<TerminalConnection> served = new CopyOnWriteArrayList<>();
    final List<Terminal> terminalsAtStart = new CopyOnWriteArrayList<>();
    TelnetServer server;

    /** Says hello, then echoes lines back upper-cased until the caller hangs up. */
    final Terminals echo = connection -> {
        served.add(connection);
        terminalsAtStart.add(connection.terminal());
        try {
            connection.output().write("hello\n".getBytes(StandardCharsets.US_ASCII));
            int b;
            while ((b = connection.input().read()) >= 0) {
                connection.output().write(Character.toUpperCase(b));
            }
        } catch (IOException e) {
            // hung up
        }
    };

    int start(int maxSessions, Terminals terminals) {
        server = new TelnetServer(new TelnetSettings("127.0.0.1", 0, maxSessions, Duration.ofMillis(500)), terminals);
        server.start();
        return server.port();
    }

    TestCaller telnet(int port) throws Exception {
        var caller = TestCaller.telnet(port, 100, 30);
        open.add(caller);
        return caller;
    }

    @AfterEach
    void stop() throws Exception {
        for (var closeable : open) closeable.close();
        if (server != null) server.stop();
    }

    @Test
    void port_zero_binds_a_free_port_and_the_server_says_it_is_listening() {
        int port = start(5, echo);
        assertThat(port).isPositive();
        assertThat(server.isListening()).isTrue();
    }

    @Test
    void the_session_starts_knowing_the_terminal_type_the_size_and_where_the_caller_is() throws Exception {
        var caller = telnet(start(5, echo));
        caller.expect("hello\r\n");
        assertThat(terminalsAtStart).singleElement().isEqualTo(new Terminal("xterm", 100, 30));
        var origin = served.getFirst().origin();
        assertThat(origin.channel()).isEqualTo(Channel.TELNET);
        assertThat(origin.address()).contains(new RemoteAddress("127.0.0.1"));
        assertThat(origin.session()).isPresent();
    }

    @Test
    void the_caller_gets_data_without_telnet_commands_and_iac_and_line_ends_are_encoded() throws Exception {
        var caller = telnet(start(5, echo));
        caller.expect("hello\r\n");
        caller.type("abc\r\n");
        caller.expect("ABC\r");
        assertThat(served.getFirst().terminal().type()).isEqualTo("xterm");
    }

    @Test
    void a_client_that_never_answers_the_negotiation_is_served_anyway() throws Exception {
        try (var caller = TestCaller.raw(start(5, echo))) {
            caller.expect("hello\r\n");
            assertThat(terminalsAtStart).singleElement().isEqualTo(TelnetConnection.UNKNOWN);
        }
    }

    @Test
    void typing_before_the_negotiation_ends_is_kept_and_commands_amid_typing_are_taken_out() throws Exception {
        try (var caller = TestCaller.raw(start(5, echo))) {
            caller.type("early ");                      // the server is still waiting for answers that never come
            caller.expect("hello\r\n");
            caller.send(new byte[] {'a', (byte) 255, (byte) 250, 31, 0, 90, 0, 20, (byte) 255, (byte) 240, 'b',
                    (byte) 255, (byte) 241, 'c'});      // a, NAWS 90x20, b, NOP, c
            caller.expect("EARLY ABC");
            Await.until("the new size", () -> served.getFirst().terminal().width() == 90);
            assertThat(served.getFirst().terminal().height()).isEqualTo(20);
        }
    }

    @Test
    void a_window_resize_mid_session_changes_the_terminal() throws Exception {
        var caller = telnet(start(5, echo));
        caller.expect("hello\r\n");
        var connection = served.getFirst();
        assertThat(connection.terminal().width()).isEqualTo(100);
        caller.client().sendSubnegotiation(new int[] {31, 0, 132, 0, 50});
        Await.until("the new size", () -> connection.terminal().width() == 132);
        assertThat(connection.terminal()).isEqualTo(new Terminal("xterm", 132, 50));
    }

    @Test
    void callers_beyond_the_cap_are_told_to_try_later_and_the_slot_frees_when_a_session_ends() throws Exception {
        int port = start(1, echo);
        var first = telnet(port);
        first.expect("hello\r\n");

        try (var second = TestCaller.raw(port)) {
            second.expect("too many callers right now - please try again later.\r\n");
            second.awaitClosed();
        }
        first.close();
        Await.until("a free slot", () -> {
            try (var third = TestCaller.raw(port)) {
                return Optional.of(third.expect("hello") != null);
            } catch (Exception | AssertionError e) {
                return Optional.empty();
            }
        });
        assertThat(served).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void a_session_that_crashes_takes_no_other_session_with_it() throws Exception {
        var count = new AtomicInteger();
        int port = start(5, connection -> {
            if (count.incrementAndGet() == 1) throw new IllegalStateException("boom (expected in this test)");
            echo.serve(connection);
        });
        var crashed = telnet(port);
        crashed.awaitClosed();
        var fine = telnet(port);
        fine.expect("hello\r\n");
        fine.type("still here\r\n").expect("STILL HERE");
        assertThat(server.isListening()).isTrue();
    }

    @Test
    void stop_closes_the_listener_and_every_connection() throws Exception {
        int port = start(5, echo);
        var caller = telnet(port);
        caller.expect("hello\r\n");
        server.stop();
        caller.awaitClosed();
        assertThat(server.isListening()).isFalse();
        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
    }
}
