package dev.scrollback.adapters.web.terminal;

import dev.scrollback.application.shared.Origin;
import dev.scrollback.application.terminal.TerminalConnection;
import dev.scrollback.domain.sessions.Terminal;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * One web-terminal socket as a {@link TerminalConnection}. The socket's threads only ever queue: what the caller types
 * goes into a bounded input queue ({@link #offer}), and output is sent asynchronously with at most
 * {@link #MAX_UNSENT_BYTES} on their way. A caller who sends too much, too fast, or stops reading loses only their
 * own session: the socket is closed and the engine sees the line drop, exactly as with a dropped telnet line.
 */
final class WebTerminalConnection implements TerminalConnection {
    /** The browser's terminal until its first resize message says otherwise. */
    static final Terminal DEFAULT = new Terminal("xterm-256color", 80, 24);
    /** Typed-ahead bytes the engine has not read yet; a human never gets near it, a flood does. */
    static final int MAX_PENDING_INPUT = 64 * 1024;
    /** Output handed to the socket but not yet sent; past it the session's own thread waits for the caller. */
    static final int MAX_UNSENT_BYTES = 256 * 1024;
    /** Frames per second on average, after a burst (a paste arrives as a burst of full frames). */
    static final int FRAMES_PER_SECOND = 64;
    static final int FRAME_BURST = 256;

    /** How the connection talks back; the socket in production, a recorder in tests. */
    interface Wire {
        /** Sends one binary frame without blocking; exactly one of the two is called when it is done. */
        void send(byte[] bytes, Runnable sent, Runnable failed);

        /** Closes the socket with a WebSocket status code and a short reason; more calls do nothing. */
        void close(int status, String reason);
    }

    private final Wire wire;
    private final Origin origin;
    private final Duration stalledWrite;
    private final LongSupplier nanoTime;
    private final CountDownLatch sized = new CountDownLatch(1);
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition readable = lock.newCondition();
    private final Condition writable = lock.newCondition();
    private final ArrayDeque<byte[]> pending = new ArrayDeque<>();
    private final InputStream input = new Input();
    private final OutputStream output = new Output();
    private volatile Terminal terminal = DEFAULT;
    private volatile Runnable terminalChanged = () -> { };
    private int pendingBytes;
    private int headAt;                                   // bytes of pending.peek() already read
    private long unsent;
    private boolean ended;                                // no more input: the socket closed, or we closed it
    private double frameTokens = FRAME_BURST;
    private long lastRefill;

    WebTerminalConnection(Wire wire, Origin origin, Duration stalledWrite, LongSupplier nanoTime) {
        this.wire = wire;
        this.origin = origin;
        this.stalledWrite = stalledWrite;
        this.nanoTime = nanoTime;
        this.lastRefill = nanoTime.getAsLong();
    }

    /**
     * One frame from the browser, on a socket thread; never blocks. Returns false when the frame broke the protocol or
     * its limits; the connection is then closed.
     */
    boolean receive(TerminalFrames.Frame frame) {
        lock.lock();
        try {
            if (ended) return true;
            if (!spendFrameToken()) return refuse("too many frames");
            switch (frame) {
                case TerminalFrames.Input in -> {
                    if (pendingBytes + in.bytes().length > MAX_PENDING_INPUT) return refuse("too much input at once");
                    pending.add(in.bytes());
                    pendingBytes += in.bytes().length;
                    readable.signalAll();
                }
                case TerminalFrames.Resize size -> {
                    terminal = new Terminal(DEFAULT.type(), size.columns(), size.rows());
                    sized.countDown();
                    terminalChanged.run();
                }
                case TerminalFrames.Rejected rejected -> {
                    return refuse(rejected.reason());
                }
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Waits up to {@code wait} for the browser's first resize, so that the banner fits; the default size after it. */
    void awaitSize(Duration wait) {
        try {
            sized.await(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The socket closed (the caller left, or the network did): the engine reads the end of input. */
    void socketClosed() {
        lock.lock();
        try {
            ended = true;
            readable.signalAll();
            writable.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Says {@code notice} and closes with {@code status} (a caller turned away before any session starts). */
    void refuseWith(String notice, int status, String reason) {
        try {
            output.write(notice.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException gone) {
            // closing is all that is left
        }
        closeWith(status, reason);
    }

    @Override
    public void onTerminalChange(Runnable listener) {
        terminalChanged = listener;
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
        closeWith(1000, "session over");
    }

    private void closeWith(int status, String reason) {
        socketClosed();
        wire.close(status, reason);
    }

    /** Under the lock. Ends the input (dropping what was not read yet) and closes with 1008 (policy violation). */
    private boolean refuse(String reason) {
        ended = true;
        pending.clear();
        pendingBytes = 0;
        headAt = 0;
        readable.signalAll();
        writable.signalAll();
        wire.close(1008, reason);
        return false;
    }

    private boolean spendFrameToken() {
        long now = nanoTime.getAsLong();
        frameTokens = Math.min(FRAME_BURST, frameTokens + (now - lastRefill) * FRAMES_PER_SECOND / 1e9);
        lastRefill = now;
        if (frameTokens < 1) return false;
        frameTokens -= 1;
        return true;
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
            lock.lock();
            try {
                while (pending.isEmpty()) {
                    if (ended) return -1;
                    readable.await();
                }
                var head = pending.peek();
                int n = Math.min(length, head.length - headAt);
                System.arraycopy(head, headAt, bytes, offset, n);
                headAt += n;
                pendingBytes -= n;
                if (headAt == head.length) {
                    pending.poll();
                    headAt = 0;
                }
                return n;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for input", e);
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void close() {
            WebTerminalConnection.this.close();
        }
    }

    private final class Output extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            Objects.checkFromIndexSize(offset, length, bytes.length);
            if (length == 0) return;
            var frame = Arrays.copyOfRange(bytes, offset, offset + length);
            lock.lock();
            try {
                long deadline = nanoTime.getAsLong() + stalledWrite.toNanos();
                while (!ended && unsent > 0 && unsent + length > MAX_UNSENT_BYTES) {
                    long left = deadline - nanoTime.getAsLong();
                    if (left <= 0) {
                        refuse("the caller stopped reading");
                        break;
                    }
                    writable.awaitNanos(left);
                }
                if (ended) throw new IOException("the web terminal is closed");
                unsent += length;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while the caller was not reading", e);
            } finally {
                lock.unlock();
            }
            wire.send(frame, () -> sent(length), () -> {
                sent(length);
                closeWith(1011, "sending failed");
            });
        }

        @Override
        public void close() {
            WebTerminalConnection.this.close();
        }
    }

    private void sent(int length) {
        lock.lock();
        try {
            unsent -= length;
            writable.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
