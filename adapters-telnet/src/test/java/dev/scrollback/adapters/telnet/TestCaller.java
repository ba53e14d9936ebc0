package dev.scrollback.adapters.telnet;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.apache.commons.net.telnet.EchoOptionHandler;
import org.apache.commons.net.telnet.SuppressGAOptionHandler;
import org.apache.commons.net.telnet.TelnetClient;
import org.apache.commons.net.telnet.TerminalTypeOptionHandler;
import org.apache.commons.net.telnet.WindowSizeOptionHandler;

/**
 * A caller in a test: a real telnet client (Apache Commons Net, answering TTYPE and NAWS) or a raw socket that sends
 * exactly the bytes it is given. Everything received is kept; {@link #expect} waits for text to appear.
 */
public final class TestCaller implements AutoCloseable {
    private final InputStream in;
    private final OutputStream out;
    private final java.io.Closeable connection;
    private final TelnetClient client;                       // null for a raw socket
    private final StringBuffer received = new StringBuffer();
    private volatile boolean closed;
    private int consumed;

    private TestCaller(InputStream in, OutputStream out, java.io.Closeable connection, TelnetClient client) {
        this.in = in;
        this.out = out;
        this.connection = connection;
        this.client = client;
        Thread.ofVirtual().name("test-caller").start(this::receive);
    }

    /** A telnet client that says it is an xterm of the given size. */
    public static TestCaller telnet(int port, int columns, int rows) throws Exception {
        var client = new TelnetClient();
        client.addOptionHandler(new TerminalTypeOptionHandler("xterm", false, false, true, false));
        client.addOptionHandler(new EchoOptionHandler(false, false, false, true));
        client.addOptionHandler(new SuppressGAOptionHandler(true, true, true, true));
        client.addOptionHandler(new WindowSizeOptionHandler(columns, rows, true, false, true, false));
        client.connect("127.0.0.1", port);
        return new TestCaller(client.getInputStream(), client.getOutputStream(), client::disconnect, client);
    }

    public static TestCaller telnet(int port) throws Exception {
        return telnet(port, 100, 30);
    }

    /** A socket that answers no negotiation and sends bytes as they are. */
    public static TestCaller raw(int port) throws IOException {
        var socket = new Socket("127.0.0.1", port);
        return new TestCaller(socket.getInputStream(), socket.getOutputStream(), socket, null);
    }

    public TelnetClient client() {
        return client;
    }

    /** Waits for {@code text} after what earlier expects consumed, and returns everything up to and including it. */
    public String expect(String text) {
        int at;
        try {
            at = Await.until("'" + text + "'", () -> {
                boolean ended = closed;                  // read first: all data is in before it turns true
                int found = received.indexOf(text, consumed);
                if (found < 0 && ended) throw new AssertionError("connection closed without '" + text + "'");
                return found < 0 ? java.util.Optional.empty() : java.util.Optional.of(found);
            });
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; received instead: " + unread().replace("\r", "\\r")
                    .replace("\n", "\\n"), e);
        }
        var upTo = received.substring(consumed, at + text.length());
        consumed = at + text.length();
        return upTo;
    }

    public TestCaller type(String text) throws IOException {
        return send(text.getBytes(StandardCharsets.UTF_8));
    }

    public TestCaller send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    /** Waits until the server has closed the connection. */
    public void awaitClosed() {
        try {
            Await.until("the server to close the connection", () -> closed);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; received: " + unread(), e);
        }
    }

    public String transcript() {
        return received.toString();
    }

    private String unread() {
        return received.substring(Math.min(consumed, received.length()));
    }

    private void receive() {
        var buffer = new byte[4096];
        try {
            int n;
            while ((n = in.read(buffer)) >= 0) received.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            // the end, one way or another
        } finally {
            closed = true;
        }
    }

    @Override
    public void close() throws IOException {
        if (client == null || client.isConnected()) connection.close();
    }
}
