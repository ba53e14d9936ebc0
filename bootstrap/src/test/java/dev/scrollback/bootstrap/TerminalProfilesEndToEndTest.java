package dev.scrollback.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.adapters.telnet.TelnetServer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4, item 3: the real application picks what a caller's terminal can show from its TTYPE alone — CP437 box art
 * with ANSI colour for "ANSI" (SyncTERM-style), UTF-8 box art for "xterm-256color", pure 7-bit ASCII with no escape
 * at all for "DUMB".
 */
class TerminalProfilesEndToEndTest {
    static final Charset IBM437 = Charset.forName("IBM437");
    static final String SYSOP = WalkingSkeletonEndToEndTest.SYSOP;
    static final String PASSWORD = WalkingSkeletonEndToEndTest.SYSOP_PASSWORD;

    @TempDir
    Path data;

    @Test
    void each_terminal_type_gets_the_bytes_it_can_show() throws Exception {
        try (var app = WalkingSkeletonEndToEndTest.start(data)) {
            int port = app.getBean(TelnetServer.class).port();

            var ansi = visit(port, "ANSI");
            assertThat(contains(ansi, "╔═".getBytes(IBM437))).as("CP437 double box").isTrue();
            assertThat(contains(ansi, "░▒▓".getBytes(IBM437))).as("CP437 shades").isTrue();
            assertThat(contains(ansi, "══╡ ".getBytes(IBM437))).as("CP437 title art").isTrue();
            assertThat(contains(ansi, "\u001b[1;37mMain menu".getBytes(StandardCharsets.US_ASCII))).as("SGR").isTrue();
            assertThat(contains(ansi, "═".getBytes(StandardCharsets.UTF_8))).as("no UTF-8").isFalse();

            var xterm = visit(port, "xterm-256color");
            assertThat(contains(xterm, "╔═".getBytes(StandardCharsets.UTF_8))).as("UTF-8 double box").isTrue();
            assertThat(contains(xterm, "══╡ ".getBytes(StandardCharsets.UTF_8))).as("UTF-8 title art").isTrue();
            assertThat(contains(xterm, "\u001b[".getBytes(StandardCharsets.US_ASCII))).as("SGR").isTrue();

            var dumb = visit(port, "DUMB");
            assertThat(new String(dumb, StandardCharsets.US_ASCII)).contains("\r\nMain menu\r\n", "Welcome, " + SYSOP);
            for (byte b : dumb) assertThat(b & 0xFF).as("a 7-bit, non-escape byte").isLessThan(0x80).isNotEqualTo(27);
        }
    }

    /** Logs in, then says goodbye: every byte the server sent. */
    static byte[] visit(int port, String terminalType) throws Exception {
        try (var telnet = TelnetCaller.connect(port, terminalType)) {
            telnet.logIn(SYSOP, PASSWORD);
            telnet.key('G');
            telnet.expect("Goodbye, " + SYSOP);
            return telnet.bytesSeen();
        }
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) if (haystack[i + j] != needle[j]) continue outer;
            return true;
        }
        return false;
    }
}
