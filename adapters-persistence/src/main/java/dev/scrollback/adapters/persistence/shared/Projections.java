package dev.scrollback.adapters.persistence.shared;

import dev.scrollback.application.shared.EventLog;
import dev.scrollback.application.shared.RecordedEvent;
import dev.scrollback.application.projections.ProjectionRebuilds;
import dev.scrollback.application.projections.ProjectionStatus;
import dev.scrollback.application.projections.RebuildProgress;
import dev.scrollback.application.projections.RebuildRejected;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-memory projections, each fed by its own Axon {@link PooledStreamingEventProcessor}. The processors read the
 * log through one shared window of its latest events ({@link Window}), filled by this process's own follower of the
 * log, so a new event is read and decoded once for all of them (not once per projection through Axon's storage
 * engine); a processor further behind reads the log itself, a page at a time. Positions are assigned in commit
 * order, so a plain position is the token (no gaps to track). Tokens live in memory: every start rebuilds the
 * projections from position 0 (SPEC: "a projection of the log that can be rebuilt at any time"), first by a warm-up
 * that reads the log up to its head once for all of them ({@link Replay#warmUp}), then each processor follows on from
 * there. One
 * segment per processor and per-stream sequencing keep each stream's events in order. A handler that fails stops its
 * processor (Axon retries it), it is never skipped: a projection that silently missed an event would lie.
 * <p>
 * Latency without polling fast: Axon's coordinator re-reads every 500 ms when its event stream cannot say that events
 * arrived (the {@code EmbeddedEventStore}'s streams cannot), and that, not the store's fetch delay, set the lag. Our
 * streams ({@link LogTail}) read to the end of the log and then only again once told that the log moved, and say so to
 * the coordinator at once (Axon's availability callback). The log is known to move when this process appends (a
 * {@code follow} subscription, woken by the writer's commit) or, where other instances can append (PostgreSQL, not
 * embedded H2, and anywhere should that subscription fail), when the last position has changed at a look every
 * {@link #FETCH_DELAY}. Idle, only that look runs often; the coordinators wake every few seconds to keep their claims.
 */
public final class Projections implements ProjectionRebuilds, AutoCloseable {
    /** How often to look for other instances' appends (one indexed {@code max(position)} query), where there can be any. */
    static final Duration FETCH_DELAY = Duration.ofMillis(25);
    private static final Logger log = LoggerFactory.getLogger(Projections.class);

    /** The message's meta-data key under which the processors' messages carry the event in its envelope (in memory only). */
    private static final String ENVELOPE = "scrollback.recorded";

    /** The event in its envelope that a processor's message carries. */
    static RecordedEvent recorded(org.axonframework.eventhandling.EventMessage<?> message) {
        if (message.getMetaData().get(ENVELOPE) instanceof RecordedEvent recorded) return recorded;
        throw new IllegalStateException("not a message of the projections' log: " + message.getIdentifier());
    }

    /** One projection's processor, what it feeds, the threads it runs on, and its latest rebuild (null: none yet). */
    private record Processor(String name, Projection<?> projection, ProjectionFeed<?> feed,
                             PooledStreamingEventProcessor processor, List<ScheduledExecutorService> threads,
                             AtomicReference<ProjectionRebuild> rebuild) {}

    private final EventStore store;
    private final Clock clock;
    /** Rebuilds run here, one thread each; closing lets them see {@link #closing} and stop between two pages. */
    private final ExecutorService rebuilds =
            Executors.newCachedThreadPool(Thread.ofPlatform().name("projection-rebuild-", 0).daemon().factory());
    private volatile boolean closing;
    private final LogTail source;
    private final List<Processor> processors = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService poller =
            Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("projection-poller").daemon().factory());
    private final AtomicBoolean polling = new AtomicBoolean();
    private final EventLog.Subscription ownAppends;
    private boolean pollFailing;                               // poller thread only
    /** The log's last position when these projections started: the warm-up replays up to it, the processors after. */
    private final long startHead;
    private final AtomicLong warmedTo = new AtomicLong();
    private volatile boolean warmedUp;
    private volatile String warmingNames = "";
    private volatile Thread warming;

    private Projections(EventStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
        long head = store.eventLog().lastPosition();
        this.startHead = head;
        this.source = new LogTail(store.eventLog(), head);
        this.ownAppends = store.eventLog().follow(head, new EventLog.Subscriber() {
            private long previous = head;

            @Override
            public void onEvent(RecordedEvent event) {
                source.window.offer(previous, event);           // read once here, for every projection
                previous = event.position();
                source.movedTo(event.position());
            }

            @Override
            public void onError(Throwable failure) {
                log.warn("projections no longer hear of this process's appends at once; from now on they look for "
                        + "appends every {} ms", FETCH_DELAY.toMillis(), failure);
                startPolling();
            }
        });
    }

    /** Starts replaying the log into the projections; see {@link #awaitCaughtUp} to wait until they are current. */
    public static Projections start(EventStore store, List<Projection<?>> projected) {
        return start(store, projected, Clock.systemUTC());
    }

    /** As {@link #start(EventStore, List)}, with the clock that times the rebuilds. */
    public static Projections start(EventStore store, List<Projection<?>> projected, Clock clock) {
        if (projected.stream().map(Projection::name).distinct().count() != projected.size()) {
            throw new IllegalArgumentException("two projections share a name: " + projected);
        }
        var projections = new Projections(store, clock);
        try {
            projections.warmUpThenFollow(projected);
            if (store.storageEngine().othersMayAppend()) projections.startPolling();
        } catch (RuntimeException e) {
            projections.close();
            throw e;
        }
        return projections;
    }

    /**
     * On a thread of its own, so that a start does not wait for it (readiness does): the log up to its head now, read
     * once for all projections; then each processor follows on from there. Should the warm-up itself fail, every
     * processor starts from position 0, where its feed passes over what the warm-up applied.
     */
    private void warmUpThenFollow(List<Projection<?>> projected) {
        var feeds = projected.stream().<ProjectionFeed<?>>map(Projection::feed).toList();
        warmingNames = projected.stream().map(Projection::name).collect(Collectors.joining(", "));
        warming = Thread.ofPlatform().name("projections-warm-up").daemon().start(() -> {
            long[] after;
            try {
                after = Replay.warmUp(store.eventLog(), startHead, feeds, warmedTo::set, () -> closing);
            } catch (RuntimeException | Error e) {
                log.warn("the projections' warm-up failed; every processor reads the log from position 0 instead", e);
                after = new long[feeds.size()];
            }
            synchronized (processors) {
                if (closing) return;
                for (int i = 0; i < projected.size(); i++) run(projected.get(i), feeds.get(i), after[i]);
                warmedUp = true;
            }
        });
    }

    private void run(Projection<?> projection, ProjectionFeed<?> handler, long after) {
        var name = projection.name();
        var coordinator = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("projection-" + name + "-coordinator").daemon().factory());
        var worker = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("projection-" + name + "-worker").daemon().factory());
        var invoker = SimpleEventHandlerInvoker.builder()
                .eventHandlers(handler)
                .sequencingPolicy(SequentialPerAggregatePolicy.instance())
                .listenerInvocationErrorHandler(PropagatingErrorHandler.instance())
                .build();
        var processor = PooledStreamingEventProcessor.builder()
                .name(name)
                .eventHandlerInvoker(invoker)
                .messageSource(source)
                .tokenStore(new InMemoryTokenStore())
                .transactionManager(NoTransactionManager.INSTANCE)
                .coordinatorExecutor(coordinator)
                .workerExecutor(worker)
                .initialSegmentCount(1)
                .initialToken(source -> new GlobalSequenceTrackingToken(after))
                .batchSize(100)
                .build();
        processors.add(new Processor(name, projection, handler, processor, List.of(coordinator, worker), new AtomicReference<>()));
        processor.start();
    }

    private void startPolling() {
        if (!polling.compareAndSet(false, true)) return;
        try {
            poller.scheduleWithFixedDelay(this::poll, FETCH_DELAY.toMillis(), FETCH_DELAY.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            log.debug("not polling: the projections are closing");
        }
    }

    /**
     * Every {@link #FETCH_DELAY}: tells the streams if another instance moved the log's end. And while a processor has
     * not reported caught up, asks the coordinators to look again (see {@link #awaitCaughtUp}).
     */
    private void poll() {
        try {
            source.movedTo(store.eventLog().lastPosition());
            if (!caughtUp()) source.nudge();
            if (pollFailing) log.info("projections read the event store again");
            pollFailing = false;
        } catch (RuntimeException e) {                         // never let it escape: that would end the polling
            if (!pollFailing) log.warn("projections cannot read the last position of the event store; retrying", e);
            pollFailing = true;
        }
    }

    /** Whether every processor has read to the end of the log at least once and is not failing. */
    public boolean caughtUp() {
        if (!warmedUp) return false;
        for (var p : processors) {
            var status = p.processor().processingStatus();
            if (status.isEmpty()) return false;
            for (var segment : status.values()) if (segment.isErrorState() || !segment.isCaughtUp()) return false;
        }
        return true;
    }

    /**
     * Waits until every processor has applied every event that was in the log when this was called, and reports
     * {@link #caughtUp()} (so that readiness agrees once this returns). Axon sets that flag only when a coordinator runs
     * after its workers have finished, and an idle coordinator runs by itself only every few seconds: so once the
     * positions are there, this asks the coordinators to run.
     *
     * @throws IllegalStateException if that takes longer than {@code timeout}, saying where each processor is
     */
    public void awaitCaughtUp(Duration timeout) {
        long head = store.eventLog().lastPosition();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!reached(head) || !caughtUp()) {
            if (head == 0 || reached(head)) source.nudge();          // an empty log is never "reached": nudge anyway
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("projections did not catch up with position " + head + " within " + timeout + ": " + describe());
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for projections to catch up", e);
            }
        }
    }

    private boolean reached(long head) {
        if (!warmedUp) return false;
        for (var p : processors) {
            var status = p.processor().processingStatus();
            if (status.isEmpty()) return false;
            for (var segment : status.values()) {
                if (segment.isErrorState()) return false;
                var position = segment.getCurrentPosition();
                boolean there = position.isPresent() ? position.getAsLong() >= head : head == 0 && segment.isCaughtUp();
                if (!there) return false;
            }
        }
        return true;
    }

    private String describe() {
        if (!warmedUp) {
            return "warming up " + warmingNames + ": read once for all to position " + warmedTo.get() + " of " + startHead;
        }
        return processors.stream().map(p -> p.name() + " " + p.processor().processingStatus().values().stream()
                        .map(Projections::describe).collect(Collectors.joining(", ", "[", "]")))
                .collect(Collectors.joining("; "));
    }

    private static String describe(EventTrackerStatus s) {
        var at = s.getCurrentPosition().isPresent() ? "at " + s.getCurrentPosition().getAsLong() : "not started";
        return at + (s.isErrorState() ? ", failing: " + s.getError() : s.isCaughtUp() ? "" : ", not caught up yet");
    }

    @Override
    public List<ProjectionStatus> projections() {
        long head = store.eventLog().lastPosition();
        return processors.stream().map(p -> status(p, head)).toList();
    }

    private static ProjectionStatus status(Processor p, long head) {
        var segments = p.processor().processingStatus().values();
        var state = segments.isEmpty() ? ProjectionStatus.State.REPLAYING
                : segments.stream().anyMatch(EventTrackerStatus::isErrorState) ? ProjectionStatus.State.FAILING
                : segments.stream().allMatch(EventTrackerStatus::isCaughtUp) ? ProjectionStatus.State.FOLLOWING
                : ProjectionStatus.State.REPLAYING;
        long position = segments.stream().mapToLong(s -> s.getCurrentPosition().orElse(0)).min().orElse(0);
        var rebuild = Optional.ofNullable(p.rebuild().get()).map(ProjectionRebuild::progress);
        return new ProjectionStatus(p.name(), Math.min(position, head), head, state, p.projection().state().isPresent(), rebuild);
    }

    @Override
    public RebuildProgress start(String projection) {
        var p = processor(projection);
        var state = p.projection().state().orElseThrow(() ->
                new RebuildRejected(new RebuildRejected.Reason.NotRebuildable(projection)));
        var rebuild = new ProjectionRebuild(p.name(), store.eventLog().lastPosition(), clock);
        var previous = p.rebuild().get();
        if ((previous != null && previous.running()) || !p.rebuild().compareAndSet(previous, rebuild)) {
            throw new RebuildRejected(new RebuildRejected.Reason.AlreadyRebuilding(projection));
        }
        try {
            rebuilds.execute(() -> rebuild.run(store.eventLog(), p.projection(), p.feed(), state, () -> closing));
        } catch (RejectedExecutionException e) {
            p.rebuild().compareAndSet(rebuild, previous);
            throw new IllegalStateException("the projections are closing", e);
        }
        return rebuild.progress();
    }

    @Override
    public Optional<RebuildProgress> latest(String projection) {
        return Optional.ofNullable(processor(projection).rebuild().get()).map(ProjectionRebuild::progress);
    }

    private Processor processor(String name) {
        for (var p : processors) if (p.name().equals(name)) return p;
        throw new RebuildRejected(new RebuildRejected.Reason.UnknownProjection(name,
                processors.stream().map(Processor::name).toList()));
    }

    @Override
    public void close() {
        synchronized (processors) {
            closing = true;               // rebuilds stop between two pages; never interrupted (H2 closes its file)
        }
        var warm = warming;               // a warm-up stops between two pages too, and then starts no processor
        if (warm != null) {
            try {
                if (!warm.join(Duration.ofSeconds(30))) log.warn("the projections' warm-up did not stop within 30 s");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        rebuilds.shutdown();
        try {
            if (!rebuilds.awaitTermination(30, TimeUnit.SECONDS)) log.warn("a projection rebuild did not stop within 30 s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        var stopping = processors.stream().map(p -> p.processor().shutdownAsync()).toList();   // all at once
        for (int i = 0; i < processors.size(); i++) {
            var p = processors.get(i);
            try {
                stopping.get(i).get(30, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                log.warn("projection processor {} did not shut down cleanly", p.name(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            p.threads().forEach(ScheduledExecutorService::shutdownNow);
        }
        ownAppends.close();
        poller.shutdown();                 // not shutdownNow: an interrupt during H2 file I/O closes the database's file
        try {
            if (!poller.awaitTermination(10, TimeUnit.SECONDS)) log.warn("the projections' poller did not stop within 10 s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        source.close();
    }

    /**
     * The processors' message source: streams that read the log from their token to its end, then read again only once
     * the log has moved past what they read ({@link #movedTo}), and tell their coordinator at once when it has (Axon's
     * availability callback), so that it need not poll. They read through one {@link Window}: the processors mostly read
     * the same new events at about the same time, so each is read and decoded once, not once per projection.
     */
    private static final class LogTail implements StreamableMessageSource<TrackedEventMessage<?>>, AutoCloseable {
        private final Window window;
        /** Its generation counts the moves; a stream reads it before it reads, so no move goes unseen. */
        private final AppendSignal moved = new AppendSignal();
        private final AtomicLong head;
        private final Set<Tail> open = ConcurrentHashMap.newKeySet();

        LogTail(EventLog log, long head) {
            this.window = new Window(log);
            this.head = new AtomicLong(head);
        }

        /** The log holds events up to {@code position}: wakes the streams if that is news. */
        void movedTo(long position) {
            if (head.getAndAccumulate(position, Math::max) >= position) return;
            moved.signal();
            open.forEach(Tail::available);
        }

        /** Asks every stream's coordinator to run now, with nothing new to read. */
        void nudge() {
            open.forEach(Tail::available);
        }

        @Override
        public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken from) {
            var tail = new Tail(positionOf(from));
            open.add(tail);
            return tail;
        }

        /** Before the first event (positions start at 1). */
        @Override
        public TrackingToken createTailToken() {
            return new GlobalSequenceTrackingToken(0);
        }

        @Override
        public TrackingToken createHeadToken() {
            return new GlobalSequenceTrackingToken(window.log.lastPosition());
        }

        /** Not used: every projection replays the log from its start. */
        @Override
        public TrackingToken createTokenAt(Instant at) {
            throw new UnsupportedOperationException("projections start at the tail of the log");
        }

        @Override
        public void close() {
            List.copyOf(open).forEach(Tail::close);
        }

        private static long positionOf(TrackingToken token) {
            if (token == null) return 0;
            if (token instanceof GlobalSequenceTrackingToken global) return global.getGlobalIndex();
            throw new IllegalArgumentException("not a token of this source: " + token);
        }

        /** One coordinator's stream; used by that coordinator's thread only, except {@link #available()}. */
        private final class Tail implements BlockingStream<TrackedEventMessage<?>> {
            private long position;                                             // the last event taken
            private Iterator<TrackedEventMessage<?>> page;                     // null once read to the end
            private TrackedEventMessage<?> peeked;
            /** The generation of {@link #moved} read just before the read that came back empty. */
            private long drainedAt = -1;
            private volatile Runnable onAvailable;

            Tail(long after) {
                this.position = after;
            }

            @Override
            public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
                long deadline = System.nanoTime() + unit.toNanos(timeout);
                while (peeked == null) {
                    long generation = moved.generation();
                    if (page == null && generation == drainedAt) {         // at the end, and the log has not moved
                        long left = deadline - System.nanoTime();
                        if (left <= 0) return false;
                        moved.awaitAfter(generation, Duration.ofNanos(left));
                        continue;
                    }
                    if (page == null) {
                        var read = window.after(position);
                        if (read.isEmpty()) {
                            drainedAt = generation;
                            continue;
                        }
                        page = read.iterator();
                    }
                    peeked = page.next();
                    position = positionOf(peeked.trackingToken());
                    if (!page.hasNext()) page = null;
                }
                return true;
            }

            @Override
            public Optional<TrackedEventMessage<?>> peek() {
                return hasNextAvailable() ? Optional.of(peeked) : Optional.empty();
            }

            @Override
            public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
                while (!hasNextAvailable(Integer.MAX_VALUE, TimeUnit.MILLISECONDS)) {
                    // waits for the log to move
                }
                var next = peeked;
                peeked = null;
                return next;
            }

            @Override
            public boolean setOnAvailableCallback(Runnable callback) {
                onAvailable = callback;
                return true;
            }

            /** Tells the coordinator to read (it schedules itself; never throws into the caller). */
            void available() {
                var callback = onAvailable;
                if (callback == null) return;
                try {
                    callback.run();
                } catch (RuntimeException e) {                   // e.g. its executor is shutting down
                    log.debug("could not wake a projection coordinator", e);
                }
            }

            @Override
            public void close() {
                onAvailable = null;
                open.remove(this);
                page = null;
            }
        }
    }

    /**
     * The last {@link #CAPACITY} events read from the log, as the processors' messages: a read after a position the
     * window covers is served from it, any other from the log (a read at the window's end extends it). It always holds
     * a run of the log without holes — every event with a position in (floor, last] — since positions only increase
     * but need not be consecutive. Reads are serialised, so processors asking for the same new events together cause
     * one read of the log.
     */
    static final class Window {
        static final int CAPACITY = 1_024;
        static final int PAGE = 500;

        private final EventLog log;
        private final long[] positions = new long[CAPACITY];
        private final TrackedEventMessage<?>[] messages = new TrackedEventMessage<?>[CAPACITY];
        private int start;                     // index of the oldest held
        private int size;
        private long floor;                    // nothing in (floor, first held) exists; with size 0, floor == last
        private long last;

        Window(EventLog log) {
            this.log = log;
        }

        /**
         * The event that follows {@code previous} in the log, as read by someone else: held if it continues the window,
         * or starts it anew if the window is behind.
         */
        synchronized void offer(long previous, RecordedEvent event) {
            if (size > 0 && previous == last) {
                hold(event.position(), message(event));
            } else if (previous > last || size == 0) {
                start = 0;
                size = 0;
                floor = previous;
                hold(event.position(), message(event));
            }
        }

        /** Up to {@link #PAGE} events after {@code after}, oldest first; empty when there are none yet. */
        synchronized List<TrackedEventMessage<?>> after(long after) {
            if (size > 0 && after >= floor && after < last) return held(after);
            var read = log.readAfter(after, PAGE);
            var page = new ArrayList<TrackedEventMessage<?>>(read.size());
            for (var event : read) page.add(message(event));
            if (!page.isEmpty()) {
                if (after == last && size > 0) {
                    for (int i = 0; i < page.size(); i++) hold(read.get(i).position(), page.get(i));
                } else if (after > last || size == 0) {           // the window jumps ahead to where the readers are
                    start = 0;
                    size = 0;
                    floor = after;
                    for (int i = 0; i < page.size(); i++) hold(read.get(i).position(), page.get(i));
                }
            }
            return page;
        }

        private List<TrackedEventMessage<?>> held(long after) {
            int low = 0, high = size;                                  // the first held with a position above after
            while (low < high) {
                int mid = (low + high) >>> 1;
                if (positions[(start + mid) % CAPACITY] <= after) low = mid + 1;
                else high = mid;
            }
            int count = Math.min(PAGE, size - low);
            var page = new ArrayList<TrackedEventMessage<?>>(count);
            for (int i = low; i < low + count; i++) page.add(messages[(start + i) % CAPACITY]);
            return page;
        }

        private void hold(long position, TrackedEventMessage<?> message) {
            if (size == CAPACITY) {
                floor = positions[start];
                messages[start] = null;
                start = (start + 1) % CAPACITY;
                size--;
            }
            int at = (start + size) % CAPACITY;
            positions[at] = position;
            messages[at] = message;
            size++;
            last = position;
        }

        private static TrackedEventMessage<?> message(RecordedEvent event) {
            var payload = new GenericMessage<>(event.id().toString(), event.event(), MetaData.with(ENVELOPE, event));
            return new GenericTrackedDomainEventMessage<>(new GlobalSequenceTrackingToken(event.position()),
                    event.stream().category(), event.stream().value(), event.version(), payload,
                    () -> event.metadata().occurredAt());
        }
    }
}
