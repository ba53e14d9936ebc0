package dev.scrollback.adapters.telnet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.adapters.telnet.shared.CallerConsole;
import dev.scrollback.adapters.telnet.shared.ScreenSize;
import dev.scrollback.adapters.telnet.shared.TerminalProfile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.commons.net.telnet.EchoOptionHandler;
import org.apache.commons.net.telnet.SuppressGAOptionHandler;
import org.apache.commons.net.telnet.TelnetClient;
import org.apache.commons.net.telnet.TerminalTypeOptionHandler;
import org.apache.commons.net.telnet.WindowSizeOptionHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 4, item 3: a real telnet client announces its terminal type and gets the bytes that terminal shows — CP437 art
 * with colour for ANSI-BBS terminals, UTF-8 art for xterm, 7-bit ASCII without a single escape for dumb terminals.
 */
class TerminalProfileDialogueTest {
    static final String PASSWORD = "correct horse battery";
    static final Duration PLENTY = Duration.ofSeconds(60);
    static final Charset IBM437 = Charset.forName("IBM437");
    static final String ESC = "\u001b";

    final FakeBbs bbs = new FakeBbs().withAccount("alice", PASSWORD, true);
    TelnetServer server;
    Caller caller;

    @AfterEach
    void stop() throws Exception {
        if (caller != null) caller.close();
        if (server != null) server.stop();
    }

    @Test
    void an_ansi_terminal_gets_cp437_box_art_and_colour() throws Exception {
        var screen = visit("ANSI");
        assertThat(screen).contains(cp437("╔═"), cp437("║"), cp437("░▒▓"), cp437("══╡ ") + ESC + "[1;37mMain menu",
                "Who's online (1)" + ESC + "[0;36m" + cp437(" ╞═"), ESC + "[1;33mTest BBS", ESC + "[0m");
        assertThat(screen).doesNotContain(utf8("═"));
    }

    @Test
    void a_dumb_terminal_gets_plain_seven_bit_ascii_without_escapes() throws Exception {
        var screen = visit("DUMB");
        assertThat(screen).contains("Test BBS\r\n========\r\n", "\r\nMain menu\r\n", "Who's online (1)\r\n")
                .doesNotContain(ESC);
        assertThat(screen.chars()).allMatch(c -> c < 0x80);
    }

    @Test
    void an_xterm_gets_utf8_box_art_and_colour() throws Exception {
        var screen = visit("xterm-256color");
        assertThat(screen).contains(utf8("╔═"), utf8("░▒▓"), utf8("══╡ ") + ESC + "[1;37mMain menu" + ESC + "[0;36m" + utf8(" ╞═"));
    }

    @Test
    void a_cp437_terminal_types_cp437_and_sees_it_echoed_as_cp437() throws Exception {
        caller = Caller.connect(start(), "SYNCTERM");
        caller.expect("Handle: ");
        caller.send(new byte[] {'R', 'e', 'n', (byte) 0x82, '\r', '\n'});       // "René" in CP437
        caller.expect("Ren" + cp437("é") + "\r\n");
    }

    @Test
    void titles_follow_the_width_after_a_resize() {
        var size = new AtomicReference<>(new ScreenSize(80, 24));
        var out = new ByteArrayOutputStream();
        try (var console = CallerConsole.open(new ByteArrayInputStream(new byte[0]), out, size::get,
                () -> TerminalProfile.UTF_8, () -> { }, "resize-test")) {
            assertThat(console.theme().title("Main menu")).hasSize(79);
            size.set(new ScreenSize(30, 24));
            assertThat(console.theme().title("Main menu")).hasSize(29);
        }
    }

    int start() {
        server = new TelnetServer(new TelnetSettings("127.0.0.1", 0, 10, Duration.ofMillis(2000)),
                bbs.terminals(PLENTY, PLENTY));
        server.start();
        return server.port();
    }

    /** Logs in, opens Who's online, says goodbye: everything the server sent, one char per byte. */
    String visit(String terminalType) throws Exception {
        caller = Caller.connect(start(), terminalType);
        caller.expect("Handle: ");
        caller.send("alice\r\n".getBytes(StandardCharsets.US_ASCII));
        caller.expect("Password: ");
        caller.send((PASSWORD + "\r\n").getBytes(StandardCharsets.US_ASCII));
        caller.expect("Your choice: ");
        caller.send(new byte[] {'w'});
        caller.expect("Your choice: ");
        caller.send(new byte[] {'g'});
        caller.expect("Goodbye, alice.");
        return caller.transcript();
    }

    static String cp437(String text) {
        return new String(text.getBytes(IBM437), StandardCharsets.ISO_8859_1);
    }

    static String utf8(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    /** A telnet client that answers TTYPE with the given name; keeps what it receives byte for byte. */
    static final class Caller implements AutoCloseable {
        private final TelnetClient client = new TelnetClient();
        private final StringBuffer received = new StringBuffer();
        private final OutputStream out;
        private int consumed;

        private Caller(int port, String terminalType) throws Exception {
            client.addOptionHandler(new TerminalTypeOptionHandler(terminalType, false, false, true, false));
            client.addOptionHandler(new EchoOptionHandler(false, false, false, true));
            client.addOptionHandler(new SuppressGAOptionHandler(true, true, true, true));
            client.addOptionHandler(new WindowSizeOptionHandler(80, 24, true, false, true, false));
            client.connect("127.0.0.1", port);
            out = client.getOutputStream();
            InputStream in = client.getInputStream();
            Thread.ofVirtual().start(() -> {
                var buffer = new byte[4096];
                try {
                    for (int n; (n = in.read(buffer)) >= 0; ) received.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
                } catch (IOException closed) {
                    // the end
                }
            });
        }

        static Caller connect(int port, String terminalType) throws Exception {
            return new Caller(port, terminalType);
        }

        void expect(String text) {
            int at = Await.until("'" + text + "' in " + received, () -> {
                int found = received.indexOf(text, consumed);
                return found < 0 ? Optional.empty() : Optional.of(found);
            });
            consumed = at + text.length();
        }

        void send(byte[] bytes) throws IOException {
            out.write(bytes);
            out.flush();
        }

        String transcript() {
            return received.toString();
        }

        @Override
        public void close() throws IOException {
            if (client.isConnected()) client.disconnect();
        }
    }
}
