package dev.scrollback.adapters.telnet;

import dev.scrollback.application.shared.Origin;
import dev.scrollback.application.shared.UuidV7;
import dev.scrollback.application.terminal.TerminalConnection;
import dev.scrollback.domain.sessions.Terminal;
import dev.scrollback.domain.shared.Channel;
import dev.scrollback.domain.shared.RemoteAddress;
import dev.scrollback.domain.shared.SessionId;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** A connection whose caller has typed everything in advance and then hangs up: for the engine without sockets. */
public final class MemoryConnection implements TerminalConnection {
    private final InputStream input;
    private final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private final OutputStream output = new OutputStream() {
        @Override
        public void write(int b) {
            synchronized (written) {
                written.write(b);
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            synchronized (written) {
                written.write(bytes, offset, length);
            }
        }
    };
    private final Origin origin = new Origin(Channel.TELNET, Optional.of(new RemoteAddress("192.0.2.7")),
            Optional.of(new SessionId(UuidV7.next())));
    private volatile boolean closed;

    public MemoryConnection(byte[] typed) {
        this.input = new ByteArrayInputStream(typed);
    }

    public MemoryConnection(String typed) {
        this(typed.getBytes(StandardCharsets.UTF_8));
    }

    public String written() {
        synchronized (written) {
            return written.toString(StandardCharsets.UTF_8);
        }
    }

    public int writtenBytes() {
        synchronized (written) {
            return written.size();
        }
    }

    public boolean closed() {
        return closed;
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
        return new Terminal("vt100", 40, 12);
    }

    @Override
    public void onTerminalChange(Runnable listener) {
        // the size never changes here
    }

    @Override
    public Origin origin() {
        return origin;
    }

    @Override
    public void close() {
        closed = true;
    }
}
