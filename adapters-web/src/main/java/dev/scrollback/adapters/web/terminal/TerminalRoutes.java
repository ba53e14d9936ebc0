package dev.scrollback.adapters.web.terminal;

import dev.scrollback.adapters.web.Routes;
import dev.scrollback.adapters.web.shared.Api;
import dev.scrollback.adapters.web.shared.ClassPathFiles;
import dev.scrollback.application.sessions.SessionActivity;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.application.shared.RateLimiter;
import dev.scrollback.application.shared.UuidV7;
import dev.scrollback.application.terminal.Terminals;
import dev.scrollback.domain.shared.Channel;
import dev.scrollback.domain.shared.InvalidValue;
import dev.scrollback.domain.shared.RemoteAddress;
import dev.scrollback.domain.shared.SessionId;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.websocket.WsConnectContext;
import io.javalin.websocket.WsContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web terminal (SPEC §4): the page {@code /terminal} (xterm.js from its WebJar) and the socket
 * {@code /ws/terminal}, on which the very same session engine as telnet runs, reached through the {@link Terminals}
 * port. A socket starts at the login screen like a telnet call (no token: the caller logs in inside the terminal, with
 * the same rate limits and lockout), with origin channel {@code web} and the caller's address. The wire protocol is
 * {@link TerminalFrames}. Each session runs on its own virtual thread; the socket's threads only queue.
 */
public final class TerminalRoutes implements Routes {
    private static final Logger LOG = LoggerFactory.getLogger(TerminalRoutes.class);
    /**
     * The page's policy, replacing the API's {@code default-src 'none'} for the page only: its scripts, styles and
     * socket come from this server and nowhere else; nothing inline, nothing framed. xterm.js's canvas renderer needs
     * no inline styles (its DOM renderer would, so the page picks canvas).
     */
    static final String PAGE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
            + "img-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    private static final String FULL = "Sorry, too many callers right now - please try again later.\r\n";
    /** Jetty closes sockets whose messages are larger (status 1009) before they reach us. */
    private static final long MAX_TEXT_MESSAGE_BYTES = 1024;
    /** Pings keep proxies from dropping a quiet caller; a browser that answers nothing is gone after the timeout. */
    private static final long PING_SECONDS = 30;
    private static final Duration SOCKET_IDLE = Duration.ofSeconds(95);
    private static final String RESOURCES = "dev/scrollback/adapters/web/terminal/";

    private final Terminals terminals;
    private final SessionActivity activity;
    private final WebTerminalSettings settings;
    private final TerminalGate gate;
    private final AtomicInteger active = new AtomicInteger();
    private final Map<String, WebTerminalConnection> connections = new ConcurrentHashMap<>();
    private final byte[] page = ClassPathFiles.read(RESOURCES + "terminal.html");
    private final byte[] script = ClassPathFiles.read(RESOURCES + "terminal.js");
    private final byte[] style = ClassPathFiles.read(RESOURCES + "terminal.css");
    private final byte[] xtermScript;
    private final byte[] xtermStyle;

    public TerminalRoutes(Terminals terminals, SessionActivity activity, RateLimiter limiter, WebTerminalSettings settings) {
        this.terminals = terminals;
        this.activity = activity;
        this.settings = settings;
        this.gate = new TerminalGate(limiter, settings.connectionLimit(), settings.ban(), settings.clock());
        var webjar = "META-INF/resources/webjars/xterm/" + xtermVersion() + "/";
        this.xtermScript = ClassPathFiles.read(webjar + "lib/xterm.js");
        this.xtermStyle = ClassPathFiles.read(webjar + "css/xterm.css");
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/terminal", ctx -> {
            ctx.header("Content-Security-Policy", PAGE_POLICY);
            serve(ctx, "text/html; charset=utf-8", page);
        });
        routes.get("/terminal/terminal.js", ctx -> serve(ctx, "text/javascript; charset=utf-8", script));
        routes.get("/terminal/terminal.css", ctx -> serve(ctx, "text/css; charset=utf-8", style));
        routes.get("/terminal/xterm.js", ctx -> serve(ctx, "text/javascript; charset=utf-8", xtermScript));
        routes.get("/terminal/xterm.css", ctx -> serve(ctx, "text/css; charset=utf-8", xtermStyle));
        routes.ws("/ws/terminal", ws -> {
            ws.onConnect(this::connected);
            ws.onBinaryMessage(ctx -> deliver(ctx, TerminalFrames.binary(ctx.data())));
            ws.onMessage(ctx -> deliver(ctx, TerminalFrames.text(ctx.message())));
            ws.onClose(this::gone);
            ws.onError(this::gone);
        });
    }

    @Override
    public void describe(Api api) {
        api.get("/terminal").summary("The web terminal page (it talks telnet over the WebSocket /ws/terminal)")
                .answers(200, "text/html");
        api.get("/terminal/terminal.js").summary("The web terminal's script").answers(200, "text/javascript");
        api.get("/terminal/terminal.css").summary("The web terminal's style sheet").answers(200, "text/css");
        api.get("/terminal/xterm.js").summary("xterm.js, as the web terminal uses it").answers(200, "text/javascript");
        api.get("/terminal/xterm.css").summary("xterm.js's style sheet").answers(200, "text/css");
    }

    /** Sessions running now (for tests and metrics). */
    public int activeSessions() {
        return active.get();
    }

    private static void serve(Context ctx, String type, byte[] body) {
        ctx.contentType(type).result(body);
    }

    private void connected(WsConnectContext ctx) {
        var session = ctx.session;
        session.setMaxBinaryMessageSize(TerminalFrames.MAX_INPUT_BYTES);
        session.setMaxTextMessageSize(MAX_TEXT_MESSAGE_BYTES);
        session.setIdleTimeout(SOCKET_IDLE);
        if (!sameOrigin(ctx.header("Origin"), ctx.header("Host"))) {
            ctx.closeSession(1008, "cross-origin socket");
            return;
        }
        var origin = new Origin(Channel.WEB, address(session), Optional.of(new SessionId(UuidV7.next())));
        var connection = new WebTerminalConnection(new SocketWire(session), origin, settings.stalledWrite(), System::nanoTime);
        connections.put(ctx.sessionId(), connection);
        ctx.enableAutomaticPings(PING_SECONDS, TimeUnit.SECONDS);
        Thread.ofVirtual().name("web-terminal-" + origin.session().orElseThrow()).start(() -> run(ctx.sessionId(), connection));
    }

    private void run(String socketId, WebTerminalConnection connection) {
        var session = connection.origin().session().orElseThrow();
        try {
            var refusal = gate.refusal(connection.origin().address());
            if (refusal.isPresent()) {
                connection.refuseWith(tooManyConnections(refusal.get()), 1013, "too many connections");
                return;
            }
            if (active.incrementAndGet() > settings.maxSessions()) {
                active.decrementAndGet();
                connection.refuseWith(FULL, 1013, "too many callers");
                return;
            }
            try {
                connection.awaitSize(settings.sizeWait());
                terminals.serve(connection);
            } finally {
                active.decrementAndGet();
            }
        } catch (RuntimeException | StackOverflowError e) {
            LOG.error("Web terminal session {} failed", session, e);
        } finally {
            connection.close();
            connections.remove(socketId);
            activity.forget(session);
        }
    }

    private void deliver(WsContext ctx, TerminalFrames.Frame frame) {
        var connection = connections.get(ctx.sessionId());
        if (connection == null) {                               // refused at connect, or already over
            ctx.closeSession(1008, "no session");
            return;
        }
        if (frame instanceof TerminalFrames.Input) connection.origin().session().ifPresent(activity::touch);
        connection.receive(frame);
    }

    private void gone(WsContext ctx) {
        ctx.disableAutomaticPings();
        var connection = connections.get(ctx.sessionId());
        if (connection != null) connection.socketClosed();
    }

    /**
     * A browser says which page opened the socket; only this server's pages may (no one else's page can drive a
     * caller's terminal). Clients that are not browsers send no Origin.
     */
    boolean sameOrigin(String origin, String host) {
        if (origin == null) return true;
        URI uri;
        try {
            uri = URI.create(origin);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (uri.getHost() == null) return false;
        var authority = uri.getRawAuthority().toLowerCase(Locale.ROOT);
        if (host != null && authority.equals(host.strip().toLowerCase(Locale.ROOT))) return true;
        return settings.publicOrigin().map(url -> url.getScheme().equalsIgnoreCase(uri.getScheme())
                && url.getRawAuthority() != null && url.getRawAuthority().equalsIgnoreCase(authority)).orElse(false);
    }

    private static Optional<RemoteAddress> address(Session session) {
        if (!(session.getRemoteSocketAddress() instanceof InetSocketAddress socket) || socket.getAddress() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(RemoteAddress.lenient(socket.getAddress().getHostAddress()));
        } catch (InvalidValue e) {
            return Optional.empty();
        }
    }

    private static String tooManyConnections(Duration wait) {
        long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
        return "Too many connections from your address; please try again in " + minutes
                + (minutes == 1 ? " minute." : " minutes.") + "\r\n";
    }

    private static String xtermVersion() {
        var properties = new Properties();
        try (var in = TerminalRoutes.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.webjars.npm/xterm/pom.properties")) {
            if (in == null) throw new IllegalStateException("the xterm WebJar is not on the class path");
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version");
    }


    /** The socket as the connection's {@link WebTerminalConnection.Wire}: asynchronous sends, an idempotent close. */
    private record SocketWire(Session session) implements WebTerminalConnection.Wire {
        @Override
        public void send(byte[] bytes, Runnable sent, Runnable failed) {
            try {
                session.sendBinary(ByteBuffer.wrap(bytes), new Callback() {
                    @Override
                    public void succeed() {
                        sent.run();
                    }

                    @Override
                    public void fail(Throwable cause) {
                        failed.run();
                    }
                });
            } catch (RuntimeException e) {
                failed.run();
            }
        }

        @Override
        public void close(int status, String reason) {
            if (session.isOpen()) session.close(status, reason, Callback.NOOP);
        }
    }
}
