package dev.scrollback.adapters.telnet;

import dev.scrollback.application.shared.Origin;
import dev.scrollback.application.shared.RateLimiter;
import dev.scrollback.application.shared.UuidV7;
import dev.scrollback.application.terminal.Terminals;
import dev.scrollback.domain.shared.Channel;
import dev.scrollback.domain.shared.InvalidValue;
import dev.scrollback.domain.shared.RemoteAddress;
import dev.scrollback.domain.shared.SessionId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The telnet listener (SPEC §4): one virtual thread per connection, which negotiates the telnet options and then
 * hands the connection to {@link Terminals}. At most {@code maxSessions} connections are served at once; a session
 * that fails, however it fails, takes no other session with it. An address that connects too often is told so and
 * hung up on before any session starts ({@link ConnectionGate}).
 */
public final class TelnetServer {
    private static final Logger LOG = LoggerFactory.getLogger(TelnetServer.class);
    private static final byte[] FULL =
            "Sorry, too many callers right now - please try again later.\r\n".getBytes(StandardCharsets.US_ASCII);
    /** A caller whose client stopped reading for this long is cut off, so their session cannot hold a slot forever. */
    private static final Duration STALLED_WRITE = Duration.ofSeconds(60);
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);
    /** Callers being turned away at once, each holding a socket for a moment; beyond it they are just hung up on. */
    private static final int MAX_TURNING_AWAY = 64;
    private static final Duration TURN_AWAY_LINGER = Duration.ofSeconds(2);

    private final TelnetSettings settings;
    private final Terminals terminals;
    private final ConnectionGate gate;
    private final AtomicInteger turningAway = new AtomicInteger();
    private final Map<TelnetConnection, Thread> sessions = new ConcurrentHashMap<>();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile ServerSocket listener;
    private Thread acceptor;
    private Thread watchdog;

    /** Without a connection limit per address (only {@code maxSessions} applies). */
    public TelnetServer(TelnetSettings settings, Terminals terminals) {
        this(settings, terminals, (limit, key) -> new RateLimiter.Decision.Allowed(limit.permits(), limit.permits(), Duration.ZERO));
    }

    /** Connections per address limited by {@code limiter} as {@link TelnetSettings#connectionLimit()} says. */
    public TelnetServer(TelnetSettings settings, Terminals terminals, RateLimiter limiter) {
        this.settings = settings;
        this.terminals = terminals;
        this.gate = new ConnectionGate(limiter, settings.connectionLimit(), settings.ban(), settings.clock());
    }

    /** Binds the port and starts accepting callers. */
    public synchronized void start() {
        if (listener != null) throw new IllegalStateException("the telnet server was already started");
        try {
            var socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(settings.host(), settings.port()), 64);
            listener = socket;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen for telnet on " + settings.host() + ":" + settings.port(), e);
        }
        acceptor = Thread.ofPlatform().name("telnet-accept").daemon().start(this::accept);
        watchdog = Thread.ofVirtual().name("telnet-watchdog").start(this::watch);
        LOG.info("Telnet listening on {}:{}", settings.host(), port());
    }

    /** The port actually bound (useful with port 0). */
    public int port() {
        var socket = listener;
        if (socket == null) throw new IllegalStateException("the telnet server is not started");
        return socket.getLocalPort();
    }

    public boolean isListening() {
        var socket = listener;
        return socket != null && socket.isBound() && !socket.isClosed();
    }

    /** Stops listening and drops every connection, then waits a little for their sessions to finish. */
    public void stop() {
        var socket = listener;
        if (socket == null) return;
        try {
            socket.close();
        } catch (IOException e) {
            LOG.warn("Closing the telnet listener failed", e);
        }
        watchdog.interrupt();
        sessions.keySet().forEach(TelnetConnection::close);
        long deadline = System.nanoTime() + STOP_GRACE.toNanos();
        try {
            acceptor.join(STOP_GRACE);
            for (var thread : sessions.values()) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !thread.join(Duration.ofNanos(left))) break;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!sessions.isEmpty()) LOG.warn("{} telnet session(s) still finishing after stop", sessions.size());
    }

    private void accept() {
        var socket = listener;
        while (!socket.isClosed()) {
            Socket caller;
            try {
                caller = socket.accept();
            } catch (IOException e) {
                if (socket.isClosed()) return;
                LOG.warn("Accepting a telnet connection failed", e);
                pause();                                   // e.g. out of file descriptors: do not spin
                continue;
            }
            Thread.ofVirtual().name("telnet-session").start(() -> admit(caller));
        }
    }

    /** On the caller's own thread, so that a slow shared limiter never holds up accepting. */
    private void admit(Socket socket) {
        var origin = originOf(socket);
        var refusal = gate.refusal(origin.address());
        if (refusal.isPresent()) {
            turnAway(socket, tooManyConnections(refusal.get()));
            return;
        }
        if (connections.incrementAndGet() > settings.maxSessions()) {
            connections.decrementAndGet();
            turnAway(socket, FULL);
            return;
        }
        serve(socket, origin);
    }

    private static byte[] tooManyConnections(Duration wait) {
        long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
        return ("Too many connections from your address; please try again in " + minutes
                + (minutes == 1 ? " minute." : " minutes.") + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private void serve(Socket socket, Origin origin) {
        TelnetConnection connection = null;
        try {
            socket.setTcpNoDelay(true);
            connection = new TelnetConnection(socket, origin);
            sessions.put(connection, Thread.currentThread());
            if (!isListening()) return;                    // stop() ran while this one was being accepted
            connection.negotiate(settings.negotiationWait());
            terminals.serve(connection);
        } catch (Exception | StackOverflowError e) {
            var id = connection == null ? "?" : connection.origin().session().map(Object::toString).orElse("?");
            LOG.error("Telnet session {} failed", id, e);
        } finally {
            if (connection != null) {
                connection.close();
                sessions.remove(connection);
            } else {
                closeQuietly(socket);
            }
            connections.decrementAndGet();
        }
    }

    private static Origin originOf(Socket socket) {
        Optional<RemoteAddress> address;
        try {
            address = Optional.of(RemoteAddress.lenient(socket.getInetAddress().getHostAddress()));
        } catch (InvalidValue e) {
            address = Optional.empty();
        }
        return new Origin(Channel.TELNET, address, Optional.of(new SessionId(UuidV7.next())));
    }

    /**
     * Says why, then closes; reads what the client sent meanwhile (for two seconds at most), so that the close does not
     * reset the line before the message arrives. A flood of callers past {@link #MAX_TURNING_AWAY} is just hung up on.
     */
    private void turnAway(Socket socket, byte[] message) {
        if (turningAway.incrementAndGet() > MAX_TURNING_AWAY) {
            turningAway.decrementAndGet();
            closeQuietly(socket);
            return;
        }
        try (socket) {
            long deadline = System.nanoTime() + TURN_AWAY_LINGER.toNanos();
            socket.setSoTimeout((int) TURN_AWAY_LINGER.toMillis());
            socket.getOutputStream().write(message);
            socket.shutdownOutput();
            var in = socket.getInputStream();
            var sink = new byte[512];
            for (int total = 0; total < 8192 && System.nanoTime() < deadline; ) {
                int n = in.read(sink);
                if (n < 0) break;
                total += n;
            }
        } catch (IOException e) {
            // they are gone either way
        } finally {
            turningAway.decrementAndGet();
        }
    }

    private void watch() {
        while (isListening()) {
            try {
                TimeUnit.SECONDS.sleep(1);
            } catch (InterruptedException e) {
                return;
            }
            sessions.keySet().forEach(connection -> {
                if (connection.stalledLongerThan(STALLED_WRITE)) {
                    LOG.info("Telnet session {} stopped reading; closing it", connection.origin().session().orElseThrow());
                    connection.close();
                }
            });
        }
    }

    private static void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing more to do
        }
    }
}
