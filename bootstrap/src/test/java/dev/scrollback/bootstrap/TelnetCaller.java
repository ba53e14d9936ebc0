package dev.scrollback.bootstrap;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.apache.commons.net.telnet.EchoOptionHandler;
import org.apache.commons.net.telnet.InvalidTelnetOptionException;
import org.apache.commons.net.telnet.SuppressGAOptionHandler;
import org.apache.commons.net.telnet.TelnetClient;
import org.apache.commons.net.telnet.TerminalTypeOptionHandler;
import org.apache.commons.net.telnet.WindowSizeOptionHandler;

/** A real telnet caller (Apache Commons Net) that reads what the server prints and answers prompts. */
final class TelnetCaller implements AutoCloseable {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final TelnetClient client = new TelnetClient();
    private final StringBuilder seen = new StringBuilder();
    private final java.io.ByteArrayOutputStream seenBytes = new java.io.ByteArrayOutputStream();   // guarded by seen
    private final Thread reader;
    private final OutputStream out;
    private int mark;

    private TelnetCaller(int port) throws IOException, InvalidTelnetOptionException {
        this(port, "xterm");
    }

    private TelnetCaller(int port, String terminalType) throws IOException, InvalidTelnetOptionException {
        client.addOptionHandler(new TerminalTypeOptionHandler(terminalType, false, false, true, false));
        client.addOptionHandler(new EchoOptionHandler(false, false, true, false));
        client.addOptionHandler(new SuppressGAOptionHandler(true, true, true, true));
        client.addOptionHandler(new WindowSizeOptionHandler(100, 30, true, false, true, false));
        client.setConnectTimeout(10_000);
        client.connect("127.0.0.1", port);
        out = client.getOutputStream();
        InputStream in = client.getInputStream();
        reader = Thread.ofVirtual().start(() -> {
            var buffer = new byte[4096];
            try {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    synchronized (seen) {
                        seen.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                        seenBytes.write(buffer, 0, n);
                        seen.notifyAll();
                    }
                }
            } catch (IOException closed) {
                // the server hung up; expect() reports what was seen
            }
        });
    }

    static TelnetCaller connect(int port) throws Exception {
        return new TelnetCaller(port);
    }

    /** A caller whose client answers TTYPE with {@code terminalType} (e.g. "ANSI", "DUMB", "xterm-256color"). */
    static TelnetCaller connect(int port, String terminalType) throws Exception {
        return new TelnetCaller(port, terminalType);
    }

    /** Every byte received so far, exactly as sent (telnet commands taken out): for checking the character set. */
    byte[] bytesSeen() {
        synchronized (seen) {
            return seenBytes.toByteArray();
        }
    }

    /** Waits until {@code text} appears after everything already expected; returns what came up to and including it. */
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
                if (left <= 0 || !reader.isAlive() && seen.indexOf(text, mark) < 0) {
                    throw new AssertionError("expected '" + text + "' but the caller saw:\n" + seen.substring(mark));
                }
                seen.wait(Math.min(left, 200));
            }
        }
    }

    /** Logs in at the prompt and waits for the main menu. */
    void logIn(String handle, String password) throws IOException, InterruptedException {
        expect("Handle: ");
        line(handle);
        expect("Password: ");
        line(password);
        expect("Your choice: ");
    }

    void line(String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Sends {@code text} as typed, with no line end (keys for the full-screen editor: Ctrl-Z is "\u001a"). */
    void type(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    void key(char hotkey) throws IOException {
        out.write(hotkey);
        out.flush();
    }

    boolean hungUp() throws InterruptedException {
        reader.join(WAIT.toMillis());
        return !reader.isAlive();
    }

    @Override
    public void close() throws IOException {
        if (client.isConnected()) client.disconnect();
    }
}
