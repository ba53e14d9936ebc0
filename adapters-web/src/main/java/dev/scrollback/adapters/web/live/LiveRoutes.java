package dev.scrollback.adapters.web.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.scrollback.adapters.web.Routes;
import dev.scrollback.adapters.web.accounts.Authentication;
import dev.scrollback.adapters.web.feed.FeedRoutes;
import dev.scrollback.adapters.web.shared.Api;
import dev.scrollback.adapters.web.shared.Json;
import dev.scrollback.adapters.web.shared.Unauthenticated;
import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.live.LiveHub;
import dev.scrollback.application.live.LiveInterests;
import dev.scrollback.application.live.LiveInterest;
import dev.scrollback.application.live.LiveItem;
import dev.scrollback.application.live.LiveStream;
import dev.scrollback.application.live.Signal;
import dev.scrollback.application.live.TypingSignals;
import dev.scrollback.application.shared.EventLog;
import dev.scrollback.domain.chat.ChatRoomId;
import dev.scrollback.domain.shared.InvalidValue;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Header;
import io.javalin.websocket.WsConnectContext;
import io.javalin.websocket.WsContext;
import io.javalin.websocket.WsMessageContext;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.util.FutureCallback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.common.WebSocketSession;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OpCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /ws}: the log's events that concern the caller, live (SPEC §4, issue 5 items 2 and 3; the protocol is in
 * docs/integrator-guide.md). The token comes as {@code Authorization: Bearer} or, from browsers, {@code access_token};
 * {@code after=P} resumes after position P with everything missed, read from the store with no depth limit, then live
 * with no gap and no duplicate. Each event is a text frame with the feed's envelope (public view: no addresses, no
 * email); frames marked {@code "ephemeral": true} (heartbeats, pongs, the catch-up marker) are not events and have no
 * position. A client too slow for the live flow is closed with 1013 and the position to resume from; it never slows
 * the others. A connection catches up on its own virtual thread; once caught up it has none: the hub's thread queues its
 * frames and heartbeats into Jetty's write queue.
 */
public final class LiveRoutes implements Routes {
    public static final String PATH = "/ws";
    static final Duration HEARTBEAT = Duration.ofSeconds(25);
    static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);
    static final int MAX_CONNECTIONS = 20_000;
    private static final long MAX_TEXT_MESSAGE_BYTES = 4_096;
    private static final Duration SOCKET_IDLE = Duration.ofSeconds(95);
    private static final String TOKEN_PARAMETER = "access_token";
    private static final String BEARER = "Bearer ";
    private static final Logger LOG = LoggerFactory.getLogger(LiveRoutes.class);

    private final Authentication authentication;
    private final LiveHub hub;
    private final LiveInterests interests;
    private final Clock clock;
    private final TypingSignals typing;
    private final Map<String, Connection> open = new ConcurrentHashMap<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final Frames frames = new Frames(item -> text(FeedRoutes.Event.of(item.view())));
    private volatile SignalText lastSignal;

    public LiveRoutes(Authentication authentication, LiveHub hub, LiveInterests interests, TypingSignals typing,
                      Clock clock) {
        this.authentication = authentication;
        this.hub = hub;
        this.interests = interests;
        this.typing = typing;
        this.clock = clock;
    }

    /** One open socket: its caller, its stream, and its ear for typing signals. */
    private record Connection(Caller caller, LiveStream stream, EventLog.Subscription signals) {
        void close() {
            signals.close();
            stream.stop();
        }
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.ws(PATH, ws -> {
            ws.onConnect(this::connected);
            ws.onMessage(this::message);
            ws.onClose(ctx -> release(ctx.sessionId()));
            ws.onError(ctx -> release(ctx.sessionId()));
        });
    }

    @Override
    public void describe(Api api) {
        // A WebSocket is not an OpenAPI operation; docs/integrator-guide.md describes /ws.
    }

    /** Connections streaming now (for tests and metrics). */
    public int connections() {
        return connections.get();
    }

    private void connected(WsConnectContext ctx) {
        var session = ctx.session;
        session.setMaxTextMessageSize(MAX_TEXT_MESSAGE_BYTES);
        session.setMaxBinaryMessageSize(1);
        session.setIdleTimeout(SOCKET_IDLE);
        Caller caller;
        try {
            caller = authentication.presenting(token(ctx).orElseThrow(Unauthenticated::noToken));
        } catch (Unauthenticated refused) {
            ctx.closeSession(1008, "unauthorized: " + refused.getMessage());
            return;
        }
        long after;
        try {
            after = after(ctx.queryParam("after"));
        } catch (IllegalArgumentException bad) {
            ctx.closeSession(1008, bad.getMessage());
            return;
        }
        if (connections.incrementAndGet() > MAX_CONNECTIONS) {
            connections.decrementAndGet();
            ctx.closeSession(1013, "too many live connections; try again later");
            return;
        }
        var stream = new LiveStream(hub);
        var interest = interests.of(caller);
        var signals = typing.listen(signal -> {
            if (typing.concerns(caller, interest, signal)) sendQuietly(session, signalFrame(signal));
        });
        open.put(ctx.sessionId(), new Connection(caller, stream, signals));
        Thread.ofVirtual().name("live-" + ctx.sessionId()).start(() -> run(ctx.sessionId(), session, after, interest, stream));
    }

    /** Catches the connection up on its own thread; returns once it is pushed to, or ends it. */
    private void run(String id, Session session, long after, LiveInterest interest, LiveStream stream) {
        var sink = new SocketSink(id, session);
        try {
            var end = stream.run(after, interest, sink, HEARTBEAT);
            if (!(end instanceof LiveStream.End.Pushed)) sink.ended(end);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            sink.close(1001, "going away");
            release(id);
        } catch (RuntimeException e) {
            LOG.error("Live connection {} failed", id, e);
            sink.close(1011, "server error");
            release(id);
        }
    }

    /**
     * Client frames: {@code {"type":"ping"}} is answered with a pong; {@code {"type":"typing","room":"<id>"}} tells the
     * room's other members (silently ignored when too frequent); anything else is refused politely.
     */
    private void message(WsMessageContext ctx) {
        var connection = open.get(ctx.sessionId());
        JsonNode frame;
        try {
            frame = Json.mapper().readTree(ctx.message());
        } catch (JsonProcessingException e) {
            frame = null;
        }
        var type = frame == null ? "" : frame.path("type").asText("");
        if (type.equals("ping")) {
            ctx.send(text(Ephemeral.pong(clock.instant())));
        } else if (type.equals("typing") && connection != null) {
            var room = roomOf(frame).map(id -> typing.typing(connection.caller(), id));
            if (room.isEmpty() || room.get() == TypingSignals.Outcome.NOT_IN_ROOM) {
                ctx.send(text(Ephemeral.refused("typing: you are not in that room")));
            }
        } else {
            ctx.send(text(Ephemeral.refused("unknown frame; send {\"type\":\"ping\"}, {\"type\":\"typing\",\"room\":…} or nothing")));
        }
    }

    private static Optional<ChatRoomId> roomOf(JsonNode frame) {
        try {
            return Optional.of(ChatRoomId.parse(frame.path("room").asText("")));
        } catch (InvalidValue notAnId) {
            return Optional.empty();
        }
    }

    /** The connection is over: its stream and its ear for signals stop, and it no longer counts. Once per connection. */
    private void release(String id) {
        var connection = open.remove(id);
        if (connection == null) return;
        connection.close();
        connections.decrementAndGet();
    }

    /**
     * A signal's frame text. The bus hands one signal to every connection's listener in turn, so the last one made is
     * kept: a presence heartbeat to ten thousand connections is serialized once, not ten thousand times.
     */
    private String signalFrame(Signal signal) {
        var last = lastSignal;
        if (last != null && last.signal() == signal) return last.text();
        var text = text(switch (signal) {
            case Signal.Typing typed -> Ephemeral.typing(typed.room().toString(), typed.handle().value());
            case Signal.Doing doing -> Ephemeral.presence(doing.handle().value(), doing.activity().description());
        });
        lastSignal = new SignalText(signal, text);
        return text;
    }

    private record SignalText(Signal signal, String text) {}

    /** An ephemeral frame, sent without waiting: a slow client may miss it, which is what ephemeral means. */
    private static void sendQuietly(Session session, String text) {
        if (session.isOpen()) session.sendText(text, Callback.NOOP);
    }

    private static Optional<String> token(WsContext ctx) {
        var header = ctx.header(Header.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.of(header.substring(BEARER.length()).strip());
        }
        return Optional.ofNullable(ctx.queryParam(TOKEN_PARAMETER)).map(String::strip);
    }

    /** The position to resume after; absent: from now on. */
    private long after(String text) {
        if (text == null || text.isBlank()) return hub.head();
        try {
            long after = Long.parseLong(text.strip());
            if (after < 0) throw new NumberFormatException();
            return after;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("after must be 0 or a position (a whole number)");
        }
    }

    private static String text(Object frame) {
        try {
            return Json.mapper().writeValueAsString(frame);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a live frame does not serialize", e);
        }
    }

    /**
     * Catching up, frames go out in batches: {@link #send} queues an event's shared, already encoded payload without
     * waiting, and {@link #flush} writes everything queued at once and waits for it, so catching up goes at the client's
     * pace and a write stuck for {@link #SEND_TIMEOUT} means the client is gone. Caught up, the hub's feeding thread
     * {@link #push}es each event's frame straight into Jetty's queue for the socket (no wake-up of this connection's
     * thread per event), at most {@link LiveStream#QUEUE} unwritten. Ephemeral frames of the stream (heartbeats, the
     * catch-up marker) are written at once, after whatever is queued.
     */
    private final class SocketSink implements LiveStream.Sink {
        private final String id;
        private final Session session;
        private final CoreSession core;
        private volatile boolean failed;
        private final org.eclipse.jetty.util.Callback failure = org.eclipse.jetty.util.Callback.from(() -> { },
                problem -> failed = true);
        /** Pushed frames not yet written: a client that lets {@link LiveStream#QUEUE} pile up is cut off. */
        private final AtomicInteger unwritten = new AtomicInteger();
        private final org.eclipse.jetty.util.Callback written = org.eclipse.jetty.util.Callback.from(
                unwritten::decrementAndGet, problem -> {
                    unwritten.decrementAndGet();
                    failed = true;
                });

        SocketSink(String id, Session session) {
            this.id = id;
            this.session = session;
            this.core = ((WebSocketSession) session).getCoreSession();
        }

        @Override
        public boolean send(LiveItem item) {
            if (failed || !core.isOutputOpen()) return false;
            core.sendFrame(new Frame(OpCode.TEXT, frames.of(item)), failure, true);
            return true;
        }

        @Override
        public boolean pushes() {
            return true;
        }

        /** Queues the frame and returns at once (Jetty writes it now if the socket takes it, else when it can). */
        @Override
        public boolean push(LiveItem item) {
            return queue(new Frame(OpCode.TEXT, frames.of(item)));
        }

        /** The stream is over (not pushed, or no longer): closes the socket saying why, and lets the connection go. */
        @Override
        public void ended(LiveStream.End end) {
            switch (end) {
                case LiveStream.End.Gone gone -> close(1000, "bye");
                case LiveStream.End.TooSlow slow -> close(1013, "too slow: reconnect with after=" + slow.lastSent());
                case LiveStream.End.BeyondLog beyond ->
                        close(1008, "after is beyond the log's last position " + beyond.lastPosition());
                case LiveStream.End.Pushed pushed -> throw new IllegalArgumentException("a pushed stream has not ended");
            }
            release(id);
        }

        @Override
        public boolean flush() {
            return written(core::flush);
        }

        /** Queued without waiting (the hub's heartbeat thread says it once pushed); counts as unwritten as pushes do. */
        @Override
        public boolean idle(long head) {
            return queue(new Frame(OpCode.TEXT, text(Ephemeral.heartbeat(head, clock.instant()))));
        }

        /** A frame into Jetty's write queue without waiting, unless {@link LiveStream#QUEUE} are still unwritten. */
        private boolean queue(Frame frame) {
            if (failed || !core.isOutputOpen()) return false;
            if (unwritten.incrementAndGet() > LiveStream.QUEUE) {
                unwritten.decrementAndGet();
                return false;
            }
            core.sendFrame(frame, written, false);
            return true;
        }

        @Override
        public boolean caughtUp(long position) {
            return sendText(text(Ephemeral.caughtUp(position)));
        }

        /** An ephemeral frame of the stream, after whatever is queued, waited for. */
        private boolean sendText(String text) {
            return written(done -> core.sendFrame(new Frame(OpCode.TEXT, text), done, false));
        }

        /**
         * Starts a write and waits until the socket has taken it; false when the client is gone or stuck. Only the
         * stream's own thread waits, so waits never overlap.
         */
        private boolean written(java.util.function.Consumer<org.eclipse.jetty.util.Callback> write) {
            if (failed || !core.isOutputOpen()) return false;
            try {
                var done = new FutureCallback();
                write.accept(done);
                done.get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                return !failed;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (ExecutionException | TimeoutException | RuntimeException e) {
                return false;
            }
        }

        void close(int status, String reason) {
            if (session.isOpen()) session.close(status, reason, Callback.NOOP);
        }
    }
}
