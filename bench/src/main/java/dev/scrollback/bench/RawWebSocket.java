package dev.scrollback.bench;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A bare WebSocket client (RFC 6455) on a blocking socket bound to a chosen loopback address: thousands of them fit in
 * one load generator (a virtual thread each while reading, nothing at all while merely held open), and the bytes of
 * every frame are at hand without decoding them into strings. It answers pings and closes; it never fragments what it
 * sends (it sends only control frames).
 */
final class RawWebSocket implements AutoCloseable {
    static final int TEXT = 1, CLOSE = 8, PING = 9, PONG = 10;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private byte[] payload = new byte[4096];
    private int length;
    private int closeCode = -1;
    private String closeReason = "";

    private RawWebSocket(Socket socket, InputStream in) throws IOException {
        this.socket = socket;
        this.in = in;
        this.out = socket.getOutputStream();
    }

    /** Connects from {@code local} and upgrades {@code pathAndQuery}; throws unless the server answers 101. */
    static RawWebSocket open(InetAddress local, InetSocketAddress server, String pathAndQuery, int timeoutMillis) throws IOException {
        var socket = new Socket();
        try {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(local, 0));
            socket.setTcpNoDelay(true);
            socket.connect(server, timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            var key = new byte[16];
            ThreadLocalRandom.current().nextBytes(key);
            var request = "GET " + pathAndQuery + " HTTP/1.1\r\nHost: " + server.getHostString() + ":" + server.getPort()
                    + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: "
                    + Base64.getEncoder().encodeToString(key) + "\r\nSec-WebSocket-Version: 13\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            var in = new BufferedInputStream(socket.getInputStream(), 65_536);
            var head = readHead(in);
            if (!head.startsWith("HTTP/1.1 101")) {
                throw new IOException("no upgrade: " + head.lines().findFirst().orElse(head));
            }
            return new RawWebSocket(socket, in);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    private static String readHead(InputStream in) throws IOException {
        var head = new StringBuilder();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) throw new EOFException("closed during the handshake after: " + head);
            head.append((char) b);
            matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3)) ? matched + 1 : 0;
            if (head.length() > 16_384) throw new IOException("handshake answer too long");
        }
        return head.toString();
    }

    /** Blocks reads for at most this long from now on (0: forever). */
    void timeout(int millis) throws IOException {
        socket.setSoTimeout(millis);
    }

    /**
     * The next text frame, whole (continuations joined); pings are answered on the way. Returns the opcode: {@link #TEXT}
     * (the bytes are {@link #payload()}[0, {@link #length()})) or {@link #CLOSE} (see {@link #closeCode()}).
     */
    int next() throws IOException {
        length = 0;
        while (true) {
            int b0 = readByte(), b1 = readByte();
            boolean fin = (b0 & 0x80) != 0;
            int opcode = b0 & 0x0F;
            long size = b1 & 0x7F;
            if (size == 126) size = (readByte() << 8) | readByte();
            else if (size == 127) {
                size = 0;
                for (int i = 0; i < 8; i++) size = (size << 8) | readByte();
            }
            if (size > 16 << 20) throw new IOException("frame of " + size + " bytes");
            int n = (int) size;
            if ((b1 & 0x80) != 0) throw new IOException("a masked frame from the server");
            if (opcode >= 8) {                                        // control frames come whole, between fragments
                var control = in.readNBytes(n);
                if (control.length < n) throw new EOFException();
                if (opcode == PING) send(PONG, control);
                if (opcode == CLOSE) {
                    closeCode = control.length >= 2 ? ((control[0] & 0xFF) << 8) | (control[1] & 0xFF) : 1005;
                    closeReason = control.length > 2 ? new String(control, 2, control.length - 2, StandardCharsets.UTF_8) : "";
                    try {
                        send(CLOSE, Arrays.copyOf(control, Math.min(2, control.length)));
                    } catch (IOException gone) {
                        // they closed first
                    }
                    return CLOSE;
                }
                continue;
            }
            if (length + n > payload.length) payload = Arrays.copyOf(payload, Math.max(payload.length * 2, length + n));
            int read = in.readNBytes(payload, length, n);
            if (read < n) throw new EOFException();
            length += n;
            if (fin) return TEXT;
        }
    }

    byte[] payload() {
        return payload;
    }

    int length() {
        return length;
    }

    String text() {
        return new String(payload, 0, length, StandardCharsets.UTF_8);
    }

    int closeCode() {
        return closeCode;
    }

    String closeReason() {
        return closeReason;
    }

    private int readByte() throws IOException {
        int b = in.read();
        if (b < 0) throw new EOFException("the server closed the connection");
        return b;
    }

    /** A client frame: masked, as RFC 6455 requires. */
    synchronized void send(int opcode, byte[] data) throws IOException {
        if (data.length > 125) throw new IllegalArgumentException("only short frames");
        var frame = new byte[6 + data.length];
        frame[0] = (byte) (0x80 | opcode);
        frame[1] = (byte) (0x80 | data.length);
        var mask = new byte[4];
        ThreadLocalRandom.current().nextBytes(mask);
        System.arraycopy(mask, 0, frame, 2, 4);
        for (int i = 0; i < data.length; i++) frame[6 + i] = (byte) (data[i] ^ mask[i & 3]);
        out.write(frame);
        out.flush();
    }

    /** Says goodbye (1000) and closes the socket without waiting for the answer. */
    @Override
    public void close() {
        try {
            send(CLOSE, new byte[] {0x03, (byte) 0xE8});
        } catch (IOException | RuntimeException gone) {
            // closing anyway
        }
        try {
            socket.close();
        } catch (IOException e) {
            // nothing more to do
        }
    }

    /** The index of {@code needle} in the frame's bytes from {@code from}, or -1. */
    int indexOf(byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i <= length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (payload[i + j] != needle[j]) continue outer;
            }
            return i;
        }
        return -1;
    }

    /** The decimal number starting at {@code at} (after optional spaces), or -1 if there is none. */
    long numberAt(int at) {
        while (at < length && payload[at] == ' ') at++;
        long value = 0;
        int digits = 0;
        while (at < length && payload[at] >= '0' && payload[at] <= '9') {
            value = value * 10 + (payload[at++] - '0');
            digits++;
        }
        return digits == 0 ? -1 : value;
    }
}
