package dev.scrollback.application.live;

import dev.scrollback.application.shared.EventLog;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Live events for every client of this instance from one follower of the log, so a thousand clients cost one reader,
 * not a thousand. The follower keeps the last {@link #RING} items (by default) in a ring; a client joins the flow at any position
 * the ring still covers ({@link #attach}), and before that reads the store itself ({@link LiveStream}), so there is no
 * depth limit on catching up. Each client has a bounded queue: one that falls behind is cut off (its tap says so),
 * never waited for, so a slow client cannot slow the others. A caught-up client whose transport takes pushed items is
 * fed by the follower's thread and has no thread of its own: one heartbeat thread says when such clients have been
 * quiet too long.
 */
@Named
public final class LiveHub implements AutoCloseable {
    public static final int RING = 10_000;
    private static final Duration RESUME_PAUSE = Duration.ofSeconds(1);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);
    /** How often pushed clients are looked at for heartbeats: a fifth of the shortest heartbeat, within these bounds. */
    private static final long SWEEP_MIN_NANOS = Duration.ofMillis(10).toNanos();
    private static final long SWEEP_MAX_NANOS = Duration.ofSeconds(1).toNanos();
    private static final System.Logger LOG = System.getLogger(LiveHub.class.getName());

    private final LiveSource source;
    private final int ringSize;
    private final Object lock = new Object();
    private final ArrayDeque<LiveItem> ring = new ArrayDeque<>();   // guarded by lock
    private final List<Tap> taps = new ArrayList<>();              // guarded by lock
    private long head;              // the last position the follower delivered; guarded by lock
    private long evictedUpTo;       // no item at or below this is in the ring; guarded by lock
    private boolean started;        // guarded by lock
    private boolean closed;         // guarded by lock
    private EventLog.Subscription following;
    private Thread heartbeats;

    @Inject
    public LiveHub(LiveSource source) {
        this(source, RING);
    }

    /** With a ring of another size (tests use a small one to exercise catching up from the store). */
    public LiveHub(LiveSource source, int ringSize) {
        if (ringSize < 1) throw new IllegalArgumentException("the ring holds at least one item");
        this.source = source;
        this.ringSize = ringSize;
    }

    /** Starts following the log from its head now; events already in the log are read from the store by clients. */
    public void start() {
        long from;
        synchronized (lock) {
            if (started) return;
            started = true;
            from = source.lastPosition();
            head = from;
            evictedUpTo = from;
        }
        following = source.follow(from, this::dispatch, failure ->
                LOG.log(System.Logger.Level.ERROR, "live events stopped: " + failure.getMessage(), failure));
        heartbeats = Thread.ofVirtual().name("live-heartbeats").start(this::sayHeartbeats);
    }

    /** The highest position handed to clients so far. */
    public long head() {
        synchronized (lock) {
            return head;
        }
    }

    /** Clients whose cursor is below this must read the store up to it before they {@link #attach}. */
    long evictedUpTo() {
        synchronized (lock) {
            return evictedUpTo;
        }
    }

    /** The store, for catching up from before the ring. */
    LiveSource source() {
        return source;
    }

    /** What {@link #attach} found. */
    sealed interface Attach {
        record Attached(Tap tap) implements Attach {}

        /** The client is too far behind to take the ring's backlog into its queue: read the store further first. */
        record Behind() implements Attach {}

        record NotStarted() implements Attach {}
    }

    /**
     * Joins the live flow right after {@code cursor}: the ring's items after it that concern the client are queued at
     * once, and every later one as it comes — unless the ring no longer reaches back to {@code cursor}, or what it holds
     * for the client would not fit its queue ({@link Attach.Behind}: catch up from the store, at the client's pace).
     */
    Attach attach(long cursor, LiveInterest interest, int capacity) {
        synchronized (lock) {
            if (!started) return new Attach.NotStarted();
            if (cursor < evictedUpTo) return new Attach.Behind();
            var tap = new Tap(this, interest, capacity, cursor);
            for (var item : ring) {
                tap.offer(item);
                if (tap.overflowed()) return new Attach.Behind();
            }
            tap.backlog = tap.queue.size();
            tap.attachedAt = Math.max(cursor, head);
            taps.add(tap);
            return new Attach.Attached(tap);
        }
    }

    /** As {@link #follow(String, long, LiveInterest, java.util.function.Consumer)}, from the head now. */
    public EventLog.Subscription follow(String name, LiveInterest interest, java.util.function.Consumer<LiveItem> onItem) {
        return follow(name, head(), interest, onItem);
    }

    /**
     * Hands every event after {@code after} that {@code interest} takes to {@code onItem}, on a virtual thread named
     * {@code name}, for as long as the subscription is open — for reactors inside this process, which drain at once
     * (a failure, or falling behind, resumes from the last item handed over; nothing is skipped or repeated). Once
     * {@code close} returns (from another thread), nothing more is handed over.
     */
    public EventLog.Subscription follow(String name, long after, LiveInterest interest,
                                        java.util.function.Consumer<LiveItem> onItem) {
        var open = new java.util.concurrent.atomic.AtomicBoolean(true);
        var current = new java.util.concurrent.atomic.AtomicReference<LiveStream>();
        var thread = Thread.ofVirtual().name(name).start(() -> {
            long from = after;
            while (open.get()) {
                var stream = new LiveStream(this, 1_024);
                current.set(stream);
                long[] last = {from};
                try {
                    var end = stream.run(from, interest, new LiveStream.Sink() {
                        @Override
                        public boolean send(LiveItem item) {
                            onItem.accept(item);
                            last[0] = item.position();
                            return true;
                        }

                        @Override
                        public boolean idle(long head) {
                            return true;
                        }

                        @Override
                        public boolean caughtUp(long position) {
                            return true;
                        }
                    }, Duration.ofMinutes(5));
                    from = end instanceof LiveStream.End.BeyondLog beyond ? beyond.lastPosition() : last[0];
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, name + " failed; resuming after position " + last[0], e);
                    from = last[0];
                }
                if (open.get()) {
                    try {
                        Thread.sleep(RESUME_PAUSE);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        });
        return () -> {
            open.set(false);
            var stream = current.get();
            if (stream != null) stream.stop();
            thread.interrupt();
            if (Thread.currentThread() == thread) return;        // closed from its own onItem
            try {
                if (!thread.join(CLOSE_WAIT)) LOG.log(System.Logger.Level.WARNING, name + " is still busy after close");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }

    /** Clients attached now (for health and benchmarks). */
    public int clients() {
        synchronized (lock) {
            return taps.size();
        }
    }

    /** Clients caught up and fed by pushing (for metrics and tests). */
    public int pushedClients() {
        synchronized (lock) {
            return (int) taps.stream().filter(tap -> tap.pushTo != null).count();
        }
    }

    private void dispatch(LiveItem item) {
        List<Tap> cutOff = null;
        synchronized (lock) {
            if (item.position() <= head) return;               // never twice
            if (ring.size() == ringSize) evictedUpTo = ring.removeFirst().position();
            ring.addLast(item);
            head = item.position();
            for (var each = taps.iterator(); each.hasNext(); ) {
                var tap = each.next();
                tap.offer(item);
                if (!tap.overflowed() && !tap.closed) continue;
                each.remove();
                if (tap.overflowed() && tap.pushTo != null) (cutOff == null ? cutOff = new ArrayList<>() : cutOff).add(tap);
            }
        }
        if (cutOff != null) cutOff.forEach(Tap::tellTooSlow);     // outside the lock: the transport closes its connection
    }

    /**
     * The heartbeat thread: every so often, each pushed client that was given nothing for its heartbeat is told the
     * head position — under the lock, so that every item up to that head was pushed (queued) before it.
     */
    private void sayHeartbeats() {
        while (true) {
            var gone = new ArrayList<Tap>();
            long shortest = SWEEP_MAX_NANOS * 5;
            synchronized (lock) {
                if (closed) return;
                long now = System.nanoTime();
                for (var each = taps.iterator(); each.hasNext(); ) {
                    var tap = each.next();
                    var sink = tap.pushTo;
                    if (sink == null || tap.closed) continue;
                    shortest = Math.min(shortest, tap.heartbeatNanos);
                    if (now - tap.lastPushNanos < tap.heartbeatNanos) continue;
                    if (tap.idle(sink, head)) continue;
                    each.remove();
                    gone.add(tap);
                }
            }
            gone.forEach(Tap::tellTooSlow);
            try {
                Thread.sleep(Duration.ofNanos(Math.clamp(shortest / 5, SWEEP_MIN_NANOS, SWEEP_MAX_NANOS)));
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void detach(Tap tap) {
        synchronized (lock) {
            taps.remove(tap);
        }
    }

    @Override
    public void close() {
        var subscription = following;
        if (subscription != null) subscription.close();
        var pushed = new ArrayList<Tap>();
        synchronized (lock) {
            closed = true;
            for (var tap : taps) {
                if (tap.pushTo != null) pushed.add(tap);
                else tap.wake();
            }
            taps.clear();
        }
        var sweeper = heartbeats;
        if (sweeper != null) sweeper.interrupt();
        for (var tap : pushed) tap.tell(new LiveStream.End.Gone());
    }

    /** One client's place in the live flow: a bounded queue of the items that concern it. */
    static final class Tap implements AutoCloseable {
        private static final LiveItem WAKE_UP = null;
        private final LiveHub hub;
        private final LiveInterest interest;
        /** The client has everything up to here (the store can be ahead of the follower: later dispatches skip it). */
        private final long after;
        /** Linked: an idle client holds no array of slots. Dropped once pushed to (nothing is queued then). */
        private volatile LinkedBlockingQueue<Optional<LiveItem>> queue;
        private volatile boolean overflowed;
        private volatile boolean closed;
        private volatile LiveStream.Sink pushTo;    // once caught up, for sinks that take items without blocking
        private volatile long lastPushed;
        private volatile long lastPushNanos = System.nanoTime();
        private long heartbeatNanos;                // in push mode; guarded by the hub's lock
        /** Set at attach: how many items the ring had queued, and the position everything up to was considered. */
        volatile int backlog;
        volatile long attachedAt;

        private Tap(LiveHub hub, LiveInterest interest, int capacity, long after) {
            this.hub = hub;
            this.interest = interest;
            this.after = after;
            this.queue = new LinkedBlockingQueue<>(capacity + 1);  // one more for the wake-up
        }

        /** Called with the hub's lock held, in position order. */
        private void offer(LiveItem item) {
            if (overflowed || closed || item.position() <= after) return;
            boolean concerns;
            try {
                concerns = interest.concerns(item.event());
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "a live interest failed on position " + item.position(), e);
                concerns = false;
            }
            if (!concerns) return;
            var sink = pushTo;
            if (sink != null) {
                push(sink, item);
            } else if (queue.remainingCapacity() <= 1) {
                overflowed = true;
                wake();
            } else {
                queue.add(Optional.of(item));
            }
        }

        private void push(LiveStream.Sink sink, LiveItem item) {
            boolean taken;
            try {
                taken = sink.push(item);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "a live client failed to take position " + item.position(), e);
                taken = false;
            }
            if (taken) {
                lastPushed = item.position();
                lastPushNanos = System.nanoTime();
            } else {
                overflowed = true;
                wake();
            }
        }

        /**
         * From now on the feeding thread pushes this tap's items to {@code sink}, and the hub's heartbeat thread calls
         * {@link LiveStream.Sink#idle} after {@code heartbeat} without any — if nothing is queued (else the client's
         * thread sends what is, and asks again), so the order holds across the switch. {@code sent} is the last
         * position the client's thread sent.
         */
        boolean pushTo(LiveStream.Sink sink, Duration heartbeat, long sent) {
            synchronized (hub.lock) {
                var queued = queue;
                if (overflowed || closed || queued == null || !queued.isEmpty()) return false;
                pushTo = sink;
                lastPushed = Math.max(sent, attachedAt);
                lastPushNanos = System.nanoTime();
                heartbeatNanos = heartbeat.toNanos();
                queue = null;
                return true;
            }
        }

        /** A heartbeat in push mode, with the hub's lock held; false when the client did not take it. */
        private boolean idle(LiveStream.Sink sink, long head) {
            boolean taken;
            try {
                taken = sink.idle(head);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "a live client failed to take a heartbeat", e);
                taken = false;
            }
            if (taken) lastPushNanos = System.nanoTime();
            else overflowed = true;
            return taken;
        }

        /** Tells a pushed client that fell behind (or went) that it is cut off; holding no lock. */
        private void tellTooSlow() {
            tell(new LiveStream.End.TooSlow(lastPushed));
        }

        private void tell(LiveStream.End end) {
            try {
                pushTo.ended(end);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "a live client failed to end", e);
            }
        }

        private void wake() {
            var queued = queue;
            if (queued != null) queued.offer(Optional.ofNullable(WAKE_UP));
        }

        /** True once the client fell more than its queue behind: it has missed events and must be cut off. */
        boolean overflowed() {
            return overflowed;
        }

        /** The next item, or empty after {@code wait} (or when woken because the tap overflowed or closed). */
        Optional<LiveItem> next(Duration wait) throws InterruptedException {
            var queued = queue;
            if (overflowed || closed || queued == null) return Optional.empty();
            var item = queued.poll(wait.toNanos(), TimeUnit.NANOSECONDS);
            return item == null || overflowed ? Optional.empty() : item;
        }

        /** The next item if one is queued now (never waits); empty also when woken because the tap overflowed or closed. */
        Optional<LiveItem> poll() {
            var queued = queue;
            if (overflowed || closed || queued == null) return Optional.empty();
            var item = queued.poll();
            return item == null || overflowed ? Optional.empty() : item;
        }

        @Override
        public void close() {
            closed = true;
            hub.detach(this);
            wake();
        }
    }
}
