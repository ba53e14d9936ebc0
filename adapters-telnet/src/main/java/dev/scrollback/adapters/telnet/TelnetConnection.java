package dev.scrollback.adapters.telnet;

import dev.scrollback.adapters.telnet.shared.TelnetCodec;
import dev.scrollback.adapters.telnet.shared.TelnetCodec.WindowSize;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.application.terminal.TerminalConnection;
import dev.scrollback.domain.sessions.Terminal;
import dev.scrollback.domain.shared.InvalidValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One telnet connection as a {@link TerminalConnection}: {@link #input()} yields the caller's bytes with the telnet
 * commands taken out (and answered), {@link #output()} escapes IAC and keeps NVT line ends. The terminal's type and
 * size follow TTYPE and NAWS, also mid-session. One thread reads; any number may write.
 */
final class TelnetConnection implements TerminalConnection {
    static final Terminal UNKNOWN = new Terminal("unknown", 80, 24);
    /** Typed-ahead bytes kept while waiting for the negotiation; past this we stop waiting. */
    private static final int MAX_EARLY_INPUT = 4096;

    private final Socket socket;
    private final InputStream socketInput;
    private final OutputStream socketOutput;
    private final Origin origin;
    private final TelnetCodec codec = new TelnetCodec();
    private final ReentrantLock writeLock = new ReentrantLock();
    private final InputStream input = new Input();
    private final OutputStream output = new Output();
    private volatile Terminal terminal = UNKNOWN;
    private volatile Runnable terminalChanged = () -> { };
    private volatile long writingSince;               // System.nanoTime() of a write still in progress; 0 when none

    private static final byte[] NOTHING = new byte[0];
    /** While negotiating only: afterwards the reader's own buffer is read into, so a waiting session holds none of ours. */
    private static final int NEGOTIATION_READ = 512;

    private byte[] pending = NOTHING;                 // typed during the negotiation, not read yet
    private int pendingAt;
    private boolean endOfInput;
    private IOException deferred;                     // met while negotiating; reported by the first read

    TelnetConnection(Socket socket, Origin origin) throws IOException {
        this.socket = socket;
        this.socketInput = socket.getInputStream();
        this.socketOutput = socket.getOutputStream();
        this.origin = origin;
    }

    /**
     * Offers our options and waits up to {@code wait} for the client's terminal type and size. Clients that never
     * answer are not held up longer; anything typed meanwhile is kept for {@link #input()}.
     */
    void negotiate(Duration wait) {
        try {
            send(codec.start());
            long deadline = System.nanoTime() + wait.toNanos();
            var buffer = new byte[NEGOTIATION_READ];
            while (!codec.negotiationSettled() && !endOfInput && pending.length - pendingAt < MAX_EARLY_INPUT) {
                long left = deadline - System.nanoTime();
                if (left <= 0) break;
                socket.setSoTimeout((int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                int n = socketInput.read(buffer);
                if (n < 0) {
                    endOfInput = true;
                } else {
                    keep(decode(buffer, 0, n));
                }
            }
        } catch (SocketTimeoutException silentClient) {
            // go on with what we know
        } catch (IOException e) {
            deferred = e;
        } finally {
            try {
                socket.setSoTimeout(0);
            } catch (IOException e) {
                if (deferred == null) deferred = e;
            }
        }
    }

    @Override
    public InputStream input() {
        return input;
    }

    @Override
    public OutputStream output() {
        return output;
    }

    @Override
    public Terminal terminal() {
        return terminal;
    }

    @Override
    public Origin origin() {
        return origin;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing is all we wanted
        }
    }

    /** True while a write has been blocked for longer than {@code limit}: the caller stopped reading. */
    boolean stalledLongerThan(Duration limit) {
        long since = writingSince;
        return since != 0 && System.nanoTime() - since > limit.toNanos();
    }

    /** Decodes {@code n} bytes read from the socket, answers what needs answering, and returns the caller's data. */
    private byte[] decode(byte[] bytes, int offset, int n) throws IOException {
        var decoded = codec.decode(bytes, offset, n);
        if (decoded.replies().length > 0) send(decoded.replies());
        decoded.terminalType().ifPresent(this::typeIs);
        decoded.windowSize().ifPresent(this::sizeIs);
        return decoded.data();
    }

    private void keep(byte[] data) {
        if (data.length == 0) return;
        var kept = Arrays.copyOfRange(pending, pendingAt, pending.length + data.length);
        System.arraycopy(data, 0, kept, pending.length - pendingAt, data.length);
        pending = kept;
        pendingAt = 0;
    }

    @Override
    public void onTerminalChange(Runnable listener) {
        terminalChanged = listener;
    }

    private void typeIs(String type) {
        var now = terminal;
        try {
            terminal = new Terminal(type, now.width(), now.height());
            terminalChanged.run();
        } catch (InvalidValue e) {
            // the codec only passes printable names; keep the old type if the record disagrees
        }
    }

    private void sizeIs(WindowSize size) {
        var now = terminal;
        int columns = size.columns() == 0 ? now.width() : Math.min(size.columns(), Terminal.MAX_SIDE);
        int rows = size.rows() == 0 ? now.height() : Math.min(size.rows(), Terminal.MAX_SIDE);
        terminal = new Terminal(now.type(), columns, rows);
        terminalChanged.run();
    }

    private void send(byte[] bytes) throws IOException {
        writeLock.lock();
        try {
            writingSince = System.nanoTime() | 1;
            socketOutput.write(bytes);
            socketOutput.flush();
        } finally {
            writingSince = 0;
            writeLock.unlock();
        }
    }

    private final class Input extends InputStream {
        @Override
        public int read() throws IOException {
            var one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            Objects.checkFromIndexSize(offset, length, bytes.length);
            if (length == 0) return 0;
            if (pendingAt < pending.length) {
                int n = Math.min(length, pending.length - pendingAt);
                System.arraycopy(pending, pendingAt, bytes, offset, n);
                pendingAt += n;
                if (pendingAt == pending.length) {
                    pending = NOTHING;
                    pendingAt = 0;
                }
                return n;
            }
            while (true) {
                if (deferred != null) throw deferred;
                if (endOfInput) return -1;
                int n = socketInput.read(bytes, offset, length);
                if (n < 0) {
                    endOfInput = true;
                    return -1;
                }
                var data = decode(bytes, offset, n);   // never longer than what was read, so it fits where it came from
                if (data.length > 0) {
                    System.arraycopy(data, 0, bytes, offset, data.length);
                    return data.length;
                }
            }
        }

        @Override
        public void close() {
            TelnetConnection.this.close();
        }
    }

    private final class Output extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            send(TelnetCodec.encode(bytes, offset, length));
        }

        @Override
        public void close() {
            TelnetConnection.this.close();
        }
    }
}
