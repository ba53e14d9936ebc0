package dev.scrollback.bench;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A telnet caller as a terminal program behaves: it offers its window size and terminal type at once (so the server
 * does not wait out its negotiation), answers the terminal-type question, and reads the screen until a prompt appears.
 * Bound to a chosen loopback source address, since the server limits connections per address.
 */
final class TelnetClient implements AutoCloseable {
    private static final int IAC = 255, DONT = 254, DO = 253, WONT = 252, WILL = 251, SB = 250, SE = 240;
    private static final int SGA = 3, TTYPE = 24, NAWS = 31, IS = 0, SEND = 1;
    private static final byte[] OFFER = {
            (byte) IAC, (byte) WILL, (byte) NAWS,
            (byte) IAC, (byte) SB, (byte) NAWS, 0, 80, 0, 24, (byte) IAC, (byte) SE,
            (byte) IAC, (byte) WILL, (byte) TTYPE,
            (byte) IAC, (byte) WILL, (byte) SGA};

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final byte[] buffer = new byte[4096];
    private final StringBuilder screen = new StringBuilder();
    private int state;                       // 0 data, 1 after IAC, 2 option byte, 3 in SB, 4 IAC in SB
    private final ByteArrayOutputStream sub = new ByteArrayOutputStream();

    private TelnetClient(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    static TelnetClient connect(InetAddress local, InetSocketAddress server, int timeoutMillis) throws IOException {
        var socket = new Socket();
        try {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(local, 0));
            socket.setTcpNoDelay(true);
            socket.connect(server, timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            var client = new TelnetClient(socket);
            client.out.write(OFFER);
            client.out.flush();
            return client;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** Reads until {@code text} has appeared on the screen since the last call; what came before it is dropped. */
    void awaitText(String text) throws IOException {
        while (true) {
            int at = screen.indexOf(text);
            if (at >= 0) {
                screen.delete(0, at + text.length());
                return;
            }
            int n = in.read(buffer);
            if (n < 0) throw new EOFException("closed before '" + text.strip() + "'; the screen said: " + tail());
            decode(n);
        }
    }

    void type(String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    void timeout(int millis) throws IOException {
        socket.setSoTimeout(millis);
    }

    private String tail() {
        return screen.substring(Math.max(0, screen.length() - 200)).replaceAll("\\p{Cntrl}", " ");
    }

    private void decode(int n) throws IOException {
        for (int i = 0; i < n; i++) {
            int b = buffer[i] & 0xFF;
            switch (state) {
                case 0 -> {
                    if (b == IAC) state = 1;
                    else screen.append((char) b);
                }
                case 1 -> {
                    if (b == IAC) {
                        screen.append((char) b);
                        state = 0;
                    } else if (b == WILL || b == WONT || b == DO || b == DONT) {
                        state = 2;
                    } else if (b == SB) {
                        sub.reset();
                        state = 3;
                    } else {
                        state = 0;
                    }
                }
                case 2 -> state = 0;                  // what we offered already covers what the server asks
                case 3 -> {
                    if (b == IAC) state = 4;
                    else sub.write(b);
                }
                default -> {
                    if (b == SE) {
                        subnegotiation(sub.toByteArray());
                        state = 0;
                    } else {
                        sub.write(b);
                        state = 3;
                    }
                }
            }
        }
        if (screen.length() > 65_536) screen.delete(0, screen.length() - 4096);
    }

    private void subnegotiation(byte[] bytes) throws IOException {
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == TTYPE && bytes[1] == SEND) {
            var type = "xterm".getBytes(StandardCharsets.US_ASCII);
            var answer = new byte[6 + type.length];
            answer[0] = (byte) IAC;
            answer[1] = (byte) SB;
            answer[2] = (byte) TTYPE;
            answer[3] = IS;
            System.arraycopy(type, 0, answer, 4, type.length);
            answer[4 + type.length] = (byte) IAC;
            answer[5 + type.length] = (byte) SE;
            out.write(answer);
            out.flush();
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing more to do
        }
    }
}
