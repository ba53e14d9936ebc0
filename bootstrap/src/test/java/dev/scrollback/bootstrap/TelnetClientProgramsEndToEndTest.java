package dev.scrollback.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scrollback.application.shared.ControlledClock;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4, item 3: the BBS works with the telnet programs callers really use — inetutils {@code telnet} and PuTTY's
 * {@code plink -telnet} — run as they are, on pipes. Each one sees the banner, logs in, walks a hotkey menu and is hung
 * up on by Goodbye, after which the program ends by itself; the feed records the terminal type the program sent.
 * A missing program fails the test: .ci/run installs both.
 */
class TelnetClientProgramsEndToEndTest {
    static final Path TELNET = Path.of("/usr/bin/telnet");
    static final Path PLINK = Path.of("/usr/bin/plink");

    @TempDir
    Path data;

    @TempDir
    Path home;                                   // our HOME: no ~/.telnetrc or saved PuTTY settings but the test's own

    final ControlledClock clock = ControlledClock.at("2031-06-01T09:00:00Z");

    @Test
    void inetutils_telnet_sends_its_TERM_walks_the_menu_and_exits_when_goodbye_hangs_up() throws Exception {
        try (var bbs = TestBbs.start(data, clock)) {
            bbs.signUp("Netkit", "netkit@example.test");
            // /usr/bin/telnet is a Debian alternative: make sure it is the inetutils client this test is about.
            try (var version = ClientProgram.start(TELNET, "inetutils-telnet", Map.of(), "--version")) {
                version.expect("(GNU inetutils)");
            }
            var environment = Map.of("TERM", "xterm-256color", "HOME", home.toString());
            try (var telnet = ClientProgram.start(TELNET, "inetutils-telnet", environment,
                    "127.0.0.1", String.valueOf(bbs.telnetPort()))) {
                telnet.expect("Escape character is '^]'.");
                visit(telnet, "Netkit");
                telnet.expect("Connection closed by foreign host.");
                assertThat(telnet.exitsWithin()).as("telnet ends by itself once hung up on").isTrue();
                assertThat(telnet.exitCode()).isZero();
            }

            var terminal = sessionStarted(bbs, "Netkit").get("terminal");
            // It answers TTYPE with $TERM in capitals ("XTERM-256COLOR"); the server keeps types in lower case.
            assertThat(terminal.get("type").asText()).isEqualTo("xterm-256color");
            // It agrees to NAWS but, with no tty to measure, never sends a size: the server's 80x24 stands.
            assertThat(terminal.get("width").asInt()).isEqualTo(80);
            assertThat(terminal.get("height").asInt()).isEqualTo(24);
            assertThat(sessionEndReason(bbs, "Netkit")).isEqualTo("goodbye");
        }
    }

    @Test
    void plink_sends_xterm_and_its_configured_size_walks_the_menu_and_exits_when_goodbye_hangs_up() throws Exception {
        // On a pipe plink sends NAWS with its configured size (80x24 unless told otherwise); a size other than the
        // server's own 80x24 default shows the NAWS really arrived. The terminal type stays at plink's default.
        var settings = Files.createDirectories(home.resolve(".putty/sessions")).resolve("Default%20Settings");
        Files.writeString(settings, "TermWidth=100\nTermHeight=30\n");
        try (var bbs = TestBbs.start(data, clock)) {
            bbs.signUp("Putty", "putty@example.test");
            // TERM is set only to show that plink ignores it: its terminal type comes from its own settings.
            var environment = Map.of("TERM", "vt100", "HOME", home.toString());
            try (var plink = ClientProgram.start(PLINK, "putty-tools", environment,
                    "-telnet", "-P", String.valueOf(bbs.telnetPort()), "-batch", "127.0.0.1")) {
                visit(plink, "Putty");
                assertThat(plink.exitsWithin()).as("plink ends by itself once hung up on").isTrue();
                assertThat(plink.exitCode()).isZero();
            }

            var terminal = sessionStarted(bbs, "Putty").get("terminal");
            assertThat(terminal.get("type").asText()).isEqualTo("xterm");     // sent as "XTERM"
            assertThat(terminal.get("width").asInt()).isEqualTo(100);
            assertThat(terminal.get("height").asInt()).isEqualTo(30);
            assertThat(sessionEndReason(bbs, "Putty")).isEqualTo("goodbye");
        }
    }

    /** Banner, login, [W] and back to the menu, then [G]: what a caller does, keys typed as on a keyboard. */
    private static void visit(ClientProgram client, String handle) throws Exception {
        assertThat(client.expect("Handle: ")).contains("Scrollback");
        client.type(handle + "\r");                      // Enter on a keyboard is CR; both programs send CR NUL
        // The server echoes (WILL ECHO) and the program does not echo as well: the handle shows once.
        assertThat(client.expect("Password: ")).containsOnlyOnce(handle);
        client.type(TestBbs.PASSWORD + "\r");
        var menu = client.expect("Your choice: ");
        assertThat(menu).contains("Welcome, " + handle + "!", "[W]", "[G]").doesNotContain(TestBbs.PASSWORD);

        // A hotkey, with no Enter: the program must be in character mode. Presence catches up a moment after login.
        var whoIsOnline = WalkingSkeletonEndToEndTest.untilTrue(() -> {
            client.type("W");
            var shown = client.expect("Your choice: ");
            return shown.contains(handle) ? shown : "";
        });
        assertThat(whoIsOnline).contains("Who's online (1)", "Main menu").containsPattern(handle + "\\s+telnet");

        client.type("G");
        client.expect("Goodbye, " + handle + ". Call again soon!");
    }

    /** The data of the handle's SessionStarted event, which came over telnet. */
    private static JsonNode sessionStarted(TestBbs bbs, String handle) throws Exception {
        var sysop = bbs.sysop();
        var session = WalkingSkeletonEndToEndTest.untilTrue(() -> feed(bbs, sysop).stream()
                .filter(e -> e.get("type").asText().equals("SessionStarted")
                        && e.get("data").get("handle").asText().equals(handle))
                .map(e -> e.get("data").get("session").asText()).findFirst().orElse(""));
        var event = feed(bbs, sysop).stream().filter(e -> e.get("type").asText().equals("SessionStarted")
                && e.get("data").get("session").asText().equals(session)).findFirst().orElseThrow();
        assertThat(event.get("origin").get("channel").asText()).isEqualTo("telnet");
        return event.get("data");
    }

    private static String sessionEndReason(TestBbs bbs, String handle) throws Exception {
        var session = sessionStarted(bbs, handle).get("session").asText();
        var sysop = bbs.sysop();
        return WalkingSkeletonEndToEndTest.untilTrue(() -> feed(bbs, sysop).stream()
                .filter(e -> e.get("type").asText().equals("SessionEnded")
                        && e.get("data").get("session").asText().equals(session))
                .findFirst().map(e -> e.get("data").get("reason").asText()).orElse(""));
    }

    private static List<JsonNode> feed(TestBbs bbs, String token) throws Exception {
        return WalkingSkeletonEndToEndTest.readFeed(bbs.web(), token);
    }

    /** A client program on pipes: what it prints (stdout and stderr together) is collected; keys go to its stdin. */
    static final class ClientProgram implements AutoCloseable {
        private static final Duration WAIT = Duration.ofSeconds(20);

        private final Process process;
        private final OutputStream keyboard;
        private final StringBuilder seen = new StringBuilder();
        private final Thread reader;
        private int mark;

        private ClientProgram(Process process) {
            this.process = process;
            this.keyboard = process.getOutputStream();
            Reader screen = new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8);
            reader = Thread.ofVirtual().start(() -> {
                var buffer = new char[4096];
                try {
                    for (int n; (n = screen.read(buffer)) >= 0; ) {
                        synchronized (seen) {
                            seen.append(buffer, 0, n);
                            seen.notifyAll();
                        }
                    }
                } catch (IOException closed) {
                    // the program is gone; expect() reports what was seen
                }
            });
        }

        /** Starts {@code program}, or fails naming the Debian package that provides it. */
        static ClientProgram start(Path program, String debianPackage, Map<String, String> environment, String... args)
                throws IOException {
            if (!Files.isExecutable(program)) {
                fail(program + " is missing: install the Debian package " + debianPackage + " (.ci/run does)");
            }
            var command = new ArrayList<String>(List.of(program.toString()));
            command.addAll(List.of(args));
            var builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().putAll(environment);
            return new ClientProgram(builder.start());
        }

        /** Waits until {@code text} appears after what was already expected; returns all up to and including it. */
        String expect(String text) throws InterruptedException {
            var deadline = Instant.now().plus(WAIT);
            synchronized (seen) {
                while (true) {
                    int at = seen.indexOf(text, mark);
                    if (at >= 0) {
                        var upTo = seen.substring(mark, at + text.length());
                        mark = at + text.length();
                        return upTo;
                    }
                    long left = Duration.between(Instant.now(), deadline).toMillis();
                    if (left <= 0 || !reader.isAlive()) {
                        var exited = process.isAlive() ? "" : "\n(it exited with " + process.exitValue() + ")";
                        throw new AssertionError("expected '" + text + "' but the program printed:\n"
                                + seen.substring(mark) + exited);
                    }
                    seen.wait(Math.min(left, 200));
                }
            }
        }

        void type(String keys) throws IOException {
            keyboard.write(keys.getBytes(StandardCharsets.UTF_8));
            keyboard.flush();
        }

        /** True when the program ended within the wait, with its stdin still open: nobody told it to but the server. */
        boolean exitsWithin() throws InterruptedException {
            boolean ended = process.waitFor(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (ended) reader.join(WAIT.toMillis());
            return ended;
        }

        int exitCode() {
            return process.exitValue();
        }

        @Override
        public void close() throws InterruptedException {
            try {
                keyboard.close();
            } catch (IOException alreadyGone) {
                // the program exited first; nothing to close
            }
            process.destroyForcibly();
            process.waitFor(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        }
    }
}
