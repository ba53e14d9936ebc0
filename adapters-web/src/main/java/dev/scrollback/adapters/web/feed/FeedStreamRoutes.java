package dev.scrollback.adapters.web.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.scrollback.adapters.web.Routes;
import dev.scrollback.adapters.web.accounts.Authentication;
import dev.scrollback.adapters.web.shared.Api;
import dev.scrollback.adapters.web.shared.Json;
import dev.scrollback.adapters.web.shared.Problem;
import dev.scrollback.adapters.web.shared.ValidationFailed;
import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.feed.FeedFilter;
import dev.scrollback.application.feed.FeedItem;
import dev.scrollback.application.feed.FollowFeed;
import dev.scrollback.application.shared.RateLimited;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Header;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.io.Connection;

/**
 * The event feed as Server-Sent Events (issue 7 item 6): {@code GET /api/v1/events/stream}. Each event is one message,
 * {@code id} its global position, {@code event} its type, {@code data} the paged feed's item for it (the same JSON,
 * written by {@link FeedRoutes.Event}). It resumes after {@code Last-Event-ID} (or {@code ?after=}), filters by
 * {@code ?types=} and {@code ?categories=}, says {@code : keep-alive} when quiet, and every refusal is a problem before
 * the stream starts. Written on the response's own stream, flushed after each batch, on the request's thread: the
 * stream ends before Javalin finishes the request, so nothing touches a response Jetty has already recycled (which
 * {@code ctx.async} and Javalin's own SSE client do when the client goes first). Each stream holds a server thread, so
 * the server takes at most {@value #MAX_STREAMS} at once.
 */
public final class FeedStreamRoutes implements Routes {
    public static final String PATH = "/api/v1/events/stream";
    public static final Duration HEARTBEAT = Duration.ofSeconds(15);
    /** A client that takes no byte for this long is cut off (it reconnects with {@code Last-Event-ID}). */
    public static final Duration STALL = Duration.ofSeconds(60);
    /** Streams this server serves at once, whoever asks: each holds one of Jetty's threads. */
    public static final int MAX_STREAMS = 64;
    private static final int MAX_NAMES = 100;
    private static final Pattern TYPE = Pattern.compile("[A-Z][A-Za-z0-9]{0,99}");
    private static final Pattern CATEGORY = Pattern.compile("[a-z][a-z0-9]{0,31}");
    private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\r|\n");
    private static final byte[] KEEP_ALIVE = ": keep-alive\n\n".getBytes(StandardCharsets.UTF_8);
    private static final System.Logger LOG = System.getLogger(FeedStreamRoutes.class.getName());

    private final FollowFeed followFeed;
    private final Authentication authentication;
    private final Duration heartbeat;
    private final Duration stall;
    private final AtomicInteger streams = new AtomicInteger();

    public FeedStreamRoutes(FollowFeed followFeed, Authentication authentication) {
        this(followFeed, authentication, HEARTBEAT, STALL);
    }

    /** With other timings (tests): {@code stall} must be longer than {@code heartbeat}, or quiet streams are cut off. */
    public FeedStreamRoutes(FollowFeed followFeed, Authentication authentication, Duration heartbeat, Duration stall) {
        if (stall.compareTo(heartbeat) <= 0) throw new IllegalArgumentException("the stall limit must exceed the heartbeat");
        this.followFeed = followFeed;
        this.authentication = authentication;
        this.heartbeat = heartbeat;
        this.stall = stall;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get(PATH, this::stream);
    }

    @Override
    public void describe(Api api) {
        api.get(PATH).summary("The event feed as Server-Sent Events, resuming after Last-Event-ID, for integrators")
                .authenticated().query("after", "types", "categories").answers(200, "text/event-stream")
                .problems(400, 403, 429);
    }

    private void stream(Context ctx) {
        var caller = authentication.caller(ctx);
        long after = after(ctx);
        var filter = new FeedFilter(names(ctx, "types", TYPE), names(ctx, "categories", CATEGORY));
        if (streams.incrementAndGet() > MAX_STREAMS) {
            streams.decrementAndGet();
            ctx.header(Header.RETRY_AFTER, "30");
            Problem.of("rate-limited", "Too many requests", 429, "The server is serving as many event streams as it can;"
                    + " try again in 30 seconds.").writeTo(ctx);
            return;
        }
        try {
            serve(ctx, caller, after, filter);
        } finally {
            streams.decrementAndGet();
        }
    }

    private void serve(Context ctx, Caller caller, long after, FeedFilter filter) {
        FollowFeed.Following following;
        try {
            following = followFeed.open(caller, after, filter);
        } catch (RateLimited tooMany) {
            ctx.header(Header.RETRY_AFTER, Long.toString(tooMany.retryAfterSeconds()));
            Problem.of("rate-limited", "Too many requests", 429, "This account already has " + FollowFeed.MAX_PER_ACCOUNT
                    + " event streams open; close one, or try again in " + tooMany.retryAfterSeconds() + " seconds.").writeTo(ctx);
            return;
        }
        var res = ctx.res();
        res.setStatus(200);
        res.setCharacterEncoding("UTF-8");
        res.setContentType("text/event-stream");
        res.setHeader("X-Accel-Buffering", "no");                 // nginx: pass each message on at once
        // a client that takes nothing for this long fails the blocked write, which ends the stream
        var connection = ServletContextRequest.getServletContextRequest(ctx.req()).getConnectionMetaData().getConnection();
        var endPoint = connection.getEndPoint();
        long idle = endPoint.getIdleTimeout();
        endPoint.setIdleTimeout(stall.toMillis());
        // a connection closed under the stream (the server stopping) ends it at once, not at the next heartbeat
        Connection.Listener closed = new Connection.Listener() {
            @Override
            public void onClosed(Connection gone) {
                following.stop();
            }
        };
        connection.addEventListener(closed);
        try {
            run(ctx, following, after);
        } finally {
            connection.removeEventListener(closed);
            endPoint.setIdleTimeout(idle);
        }
    }

    private void run(Context ctx, FollowFeed.Following following, long after) {
        try (following) {
            var out = ctx.res().getOutputStream();
            var sink = new SseSink(ctx, out);
            if (!sink.write(("retry: 1000\n: after " + after + "\n\n").getBytes(StandardCharsets.UTF_8))) return;
            following.run(sink, heartbeat);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException gone) {
            LOG.log(System.Logger.Level.DEBUG, "an event stream's client went: " + gone);
        } catch (RuntimeException e) {                            // the client reconnects and resumes; say why here
            LOG.log(System.Logger.Level.WARNING, "an event stream (begun after position " + after + ") failed; the client was cut off", e);
        }
    }

    /** Writes messages into a buffer and hands it to the client on {@link #flush()}; false once the client has gone. */
    private final class SseSink implements FollowFeed.Sink {
        private final Context ctx;
        private final OutputStream out;
        private final ByteArrayOutputStream held = new ByteArrayOutputStream(16 * 1024);

        SseSink(Context ctx, OutputStream out) {
            this.ctx = ctx;
            this.out = out;
        }

        @Override
        public boolean send(FeedItem item) {
            String json;
            try {
                json = Json.mapper().writeValueAsString(FeedRoutes.Event.of(item));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("an event did not render at position " + item.position(), e);
            }
            var message = new StringBuilder(json.length() + 64)
                    .append("id: ").append(item.position()).append('\n')
                    .append("event: ").append(item.type()).append('\n');
            // JSON holds a line break only as whitespace between tokens: a data line each, joined again by the client
            for (var line : LINE_BREAK.split(json, -1)) message.append("data: ").append(line).append('\n');
            held.writeBytes(message.append('\n').toString().getBytes(StandardCharsets.UTF_8));
            return held.size() < 1024 * 1024 || flush();
        }

        @Override
        public boolean flush() {
            if (held.size() == 0) return true;
            var bytes = held.toByteArray();
            held.reset();
            return write(bytes);
        }

        @Override
        public boolean heartbeat() {
            // the credential may have been revoked, or the session ended, since the stream began
            try {
                if (!followFeed.mayFollow(authentication.caller(ctx))) return false;
            } catch (RuntimeException refused) {
                return false;
            }
            return write(KEEP_ALIVE);
        }

        boolean write(byte[] bytes) {
            try {
                out.write(bytes);
                out.flush();
                return true;
            } catch (IOException | RuntimeException gone) {
                return false;
            }
        }
    }

    private static long after(Context ctx) {
        var header = ctx.header("Last-Event-ID");
        if (header != null && !header.isBlank()) return position(header.strip(), "Last-Event-ID");
        var query = ctx.queryParam("after");
        return query == null || query.isEmpty() ? 0 : position(query, "after");
    }

    private static long position(String text, String name) {
        var complaint = "must be 0 or a position (a whole number)";
        if (text.length() > 19 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) throw ValidationFailed.field(name, complaint);
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException tooLarge) {
            throw ValidationFailed.field(name, complaint);
        }
    }

    private static Set<String> names(Context ctx, String parameter, Pattern shape) {
        var names = new LinkedHashSet<String>();
        for (var value : ctx.queryParams(parameter)) {
            for (var name : value.split(",", -1)) {
                var trimmed = name.strip();
                if (trimmed.isEmpty()) continue;
                if (!shape.matcher(trimmed).matches()) {
                    throw ValidationFailed.field(parameter, "must be a comma-separated list of "
                            + ("types".equals(parameter) ? "event type names (AccountRegistered)" : "stream categories (chatroom)"));
                }
                names.add(trimmed);
                if (names.size() > MAX_NAMES) throw ValidationFailed.field(parameter, "names at most " + MAX_NAMES);
            }
        }
        return names;
    }
}
