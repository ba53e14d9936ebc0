package dev.scrollback.application.live;

import java.time.Duration;
import java.util.Optional;

/**
 * One live client (issue 5 item 3): every event after the client's position that concerns it, then live ones as they
 * come, with no gap and no duplicate and no depth limit. Events the {@link LiveHub}'s ring no longer holds are read
 * from the store a page at a time and sent at the client's pace (a send blocks while the client is slow); once the
 * client's cursor is within the ring, it joins the hub's flow, where a client that falls a whole queue behind is cut
 * off rather than waited for. Runs on the client's own thread until the client has caught up; a transport that takes
 * pushed items ({@link Sink#pushes}) then needs no thread of its own: the stream ends with {@link End.Pushed} and the hub
 * feeds it, says when it is idle, and tells it when it ends. {@link #stop()} ends it from any thread.
 */
public final class LiveStream {
    public static final int PAGE = 500;
    public static final int QUEUE = 1_024;
    /** At most this many items are handed to the sink between two flushes. */
    public static final int BATCH = 64;

    /** The client's side: a transport (a WebSocket, a terminal). */
    public interface Sink {
        /**
         * Sends one item, or holds it until {@link #flush()} (a transport that writes several frames at once); may block
         * while the client is slow. False when the client has gone.
         */
        boolean send(LiveItem item);

        /**
         * Writes whatever {@link #send} held, blocking while the client is slow; called whenever the stream has nothing
         * more at hand, and at least every {@value #BATCH} items. False when the client has gone.
         */
        default boolean flush() {
            return true;
        }

        /**
         * Nothing concerned the client for a while: tell it the head position (a heartbeat); false when it has gone. For a
         * pushing transport this is called by the hub once pushed, and must not block either.
         */
        boolean idle(long head);

        /**
         * Everything missed up to {@code position} has been sent (once per stream); what follows comes as it happens.
         * False when the client has gone.
         */
        boolean caughtUp(long position);

        /**
         * Whether this transport can take live items through {@link #push} — from the thread that feeds every client,
         * so that, once caught up, an event costs no wake-up of the client's own thread. Only for transports that queue
         * their writes themselves and never block.
         */
        default boolean pushes() {
            return false;
        }

        /**
         * Queues one live item for writing, without blocking (called only when {@link #pushes}, in position order, on
         * the feeding thread). False when the client is gone or has more than its share of unwritten items queued:
         * the stream then ends as {@link End.TooSlow}, told through {@link #ended}.
         */
        default boolean push(LiveItem item) {
            throw new UnsupportedOperationException("this sink does not take pushed items");
        }

        /**
         * A pushed stream ended other than by {@link #stop()}: the client fell more than its queue behind, or went
         * ({@link End.TooSlow} with the last position it was given). Called once, by the hub, holding no lock; must not
         * block. The transport closes the connection.
         */
        default void ended(End end) {}
    }

    /** Why a stream ended. */
    public sealed interface End {
        /** The client went away, or {@link #stop()} was called. */
        record Gone() implements End {}

        /** The client fell more than its queue behind the live flow; it must reconnect with its last position. */
        record TooSlow(long lastSent) implements End {}

        /** The client asked to resume from a position the log has not reached. */
        record BeyondLog(long lastPosition) implements End {}

        /**
         * The client caught up and is pushed to from now on, without the thread that ran the stream: the hub sends its
         * heartbeats and calls {@link Sink#ended} should it fall behind; {@link #stop()} ends it.
         */
        record Pushed() implements End {}
    }

    private final LiveHub hub;
    private final int capacity;
    private volatile boolean stopped;
    private volatile LiveHub.Tap tap;

    public LiveStream(LiveHub hub) {
        this(hub, QUEUE);
    }

    /** With a live queue of {@code capacity} items (a client that drains at once needs little). */
    public LiveStream(LiveHub hub, int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be positive");
        this.hub = hub;
        this.capacity = capacity;
    }

    /**
     * Streams until the client goes, is too slow, or {@link #stop()}. {@code heartbeat} is the longest silence before
     * {@link Sink#idle}.
     */
    public End run(long after, LiveInterest interest, Sink sink, Duration heartbeat) throws InterruptedException {
        if (after < 0) throw new IllegalArgumentException("after must be 0 or a position, was " + after);
        long last = hub.source().lastPosition();
        if (after > last && after > hub.head()) return new End.BeyondLog(Math.max(last, hub.head()));
        long cursor = after;
        boolean fromStore = false;
        while (tap == null) {
            if (stopped) return new End.Gone();
            if (fromStore || cursor < hub.evictedUpTo()) {
                // behind the ring, or too far behind to take the ring's backlog at once: a page from the store
                var page = hub.source().after(cursor, PAGE);
                int held = 0;
                for (var item : page) {
                    if (interest.concerns(item.event())) {
                        if (!sink.send(item)) return new End.Gone();
                        if (++held % BATCH == 0 && !sink.flush()) return new End.Gone();
                    }
                    cursor = item.position();
                }
                if (held % BATCH != 0 && !sink.flush()) return new End.Gone();
                if (page.isEmpty() && cursor < hub.evictedUpTo()) {
                    throw new IllegalStateException("the store has nothing after " + cursor + " below the ring");
                }
                fromStore = false;
            } else {
                switch (hub.attach(cursor, interest, capacity)) {
                    case LiveHub.Attach.Attached attached -> tap = attached.tap();
                    case LiveHub.Attach.Behind behind -> fromStore = true;
                    case LiveHub.Attach.NotStarted notStarted ->
                            throw new IllegalStateException("live events have not started (LiveHub.start)");
                }
            }
        }
        boolean handedOver = false;
        try {
            int backlog = tap.backlog;                   // what the ring held for the client when it attached
            if (backlog == 0 && !sink.caughtUp(tap.attachedAt)) return new End.Gone();
            while (!stopped) {
                if (backlog <= 0 && sink.pushes() && tap.pushTo(sink, heartbeat, cursor)) {
                    handedOver = true;
                    return new End.Pushed();
                }
                var next = tap.next(heartbeat);
                if (tap.overflowed()) return new End.TooSlow(cursor);
                if (next.isEmpty()) {
                    if (!stopped && !sink.idle(hub.head())) return new End.Gone();
                    continue;
                }
                // whatever else is queued already goes out with it, in one write
                for (int held = 1; next.isPresent(); held++) {
                    if (!sink.send(next.get())) return new End.Gone();
                    cursor = next.get().position();
                    if (--backlog == 0 && !sink.caughtUp(Math.max(cursor, tap.attachedAt))) return new End.Gone();
                    next = held < BATCH ? tap.poll() : Optional.empty();
                }
                if (!sink.flush()) return new End.Gone();
            }
            return new End.Gone();
        } finally {
            if (!handedOver) tap.close();
        }
    }

    /** Ends the stream (the client went); safe from any thread, and more than once. */
    public void stop() {
        stopped = true;
        var attached = tap;
        if (attached != null) attached.close();
    }
}
