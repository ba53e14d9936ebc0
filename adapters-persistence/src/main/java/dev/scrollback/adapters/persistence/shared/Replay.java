package dev.scrollback.adapters.persistence.shared;

import dev.scrollback.application.shared.EventLog;
import dev.scrollback.application.shared.ProjectionSnapshot;
import dev.scrollback.application.shared.ProjectionState;
import dev.scrollback.application.shared.RecordedEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.LongConsumer;

/**
 * Replays the whole log into fresh states of every rebuildable projection at once, with no processor running (the
 * {@code replay} command, with the server stopped, and the replay benchmark): each page is read from the store and
 * decoded once for all of them, then handed to each projection in turn. Reports how long reading and each projection
 * took, and each rebuilt state's snapshot; the fresh states are never swapped in, and retired afterwards.
 */
public final class Replay {
    /** Events read from the store at a time. */
    public static final int PAGE = 5_000;

    private Replay() {}

    /** One projection's share: the events of its family it applied, the time that took, and its state's snapshot. */
    public record Replayed(String name, long applied, Duration applying, ProjectionSnapshot snapshot) {}

    /**
     * {@code events} read up to position {@code last}; {@code reading} is the time spent reading and decoding pages,
     * {@code took} the whole replay without the snapshots (which {@code snapshots} took).
     */
    public record Report(long events, long last, Duration reading, Duration took, Duration snapshots, List<Replayed> projections) {
        public double eventsPerSecond() {
            return took.isZero() ? 0 : events / (took.toNanos() / 1e9);
        }
    }

    /**
     * Replays the log up to its last position now into fresh states of the rebuildable ones of {@code projected}. One
     * thread reads and decodes the pages, at most {@link #AHEAD} ahead, while the calling thread applies them: on two
     * cores the two overlap, so a replay takes about the longer of the two rather than their sum.
     */
    public static Report all(EventLog log, List<Projection<?>> projected, LongConsumer progress) {
        var runs = new ArrayList<Run>();
        for (var projection : projected) projection.state().ifPresent(state -> runs.add(new Run(projection, state.fresh())));
        long last = log.lastPosition();
        long started = System.nanoTime();
        var reader = new Reader(log, last);
        Thread.ofPlatform().name("replay-reader").daemon().start(reader);
        long at = 0, events = 0;
        try {
            for (var page = reader.next(); !page.isEmpty(); page = reader.next()) {
                for (var run : runs) run.apply(page);
                events += page.size();
                at = page.getLast().position();
                progress.accept(at);
            }
            long took = System.nanoTime() - started;
            long snapshotting = System.nanoTime();
            var replayed = new ArrayList<Replayed>(runs.size());
            for (var run : runs) {
                replayed.add(new Replayed(run.projection.name(), run.applied, Duration.ofNanos(run.nanos), run.state.snapshot()));
            }
            return new Report(events, at, Duration.ofNanos(reader.nanos), Duration.ofNanos(took),
                    Duration.ofNanos(System.nanoTime() - snapshotting), List.copyOf(replayed));
        } finally {
            reader.stop();
            runs.forEach(run -> run.state.retire());
        }
    }

    /**
     * At start, brings the live states of {@code feeds} (and what also reacts to them) from nothing to position
     * {@code head}, each page read and decoded once for all of them: left to their processors, each projection read and
     * decoded the whole log by itself (a start on 1,000,000 events took 127 s; this, about the time of {@link #all}).
     * Returns, per feed, the position its processor is to start after: {@code head}; or, for a projection that could
     * not apply an event, just before it, so that its processor meets that event again and fails there as it always
     * did (never skipping it); or, if reading the log failed, the last position every projection had reached.
     */
    static long[] warmUp(EventLog log, long head, List<ProjectionFeed<?>> feeds, LongConsumer progress,
                         java.util.function.BooleanSupplier stopping) {
        var after = new long[feeds.size()];
        java.util.Arrays.fill(after, head);
        if (head == 0 || feeds.isEmpty()) return after;
        var failed = new boolean[feeds.size()];
        var reader = new Reader(log, head);
        Thread.ofPlatform().name("projections-warm-up").daemon().start(reader);
        long reached = 0;
        try {
            for (var page = reader.next(); !page.isEmpty() && !stopping.getAsBoolean(); page = reader.next()) {
                for (int i = 0; i < feeds.size(); i++) {
                    if (failed[i]) continue;
                    var feed = feeds.get(i);
                    for (var event : page) {
                        if (!feed.canHandleType(event.event().getClass())) continue;
                        try {
                            feed.apply(event);
                        } catch (RuntimeException e) {
                            failed[i] = true;
                            after[i] = event.position() - 1;
                            LOG.warn("projection {} cannot apply the event at position {}; its processor stops there", feed.name(),
                                    event.position(), e);
                            break;
                        }
                    }
                }
                reached = page.getLast().position();
                progress.accept(reached);
            }
        } catch (IllegalStateException e) {
            LOG.warn("reading the log at start failed after position {}; the processors read on from there", reached, e);
            for (int i = 0; i < feeds.size(); i++) if (!failed[i]) after[i] = reached;
        } finally {
            reader.stop();
        }
        return after;
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Replay.class);

    /** How many pages the reader may read ahead of the projections. */
    static final int AHEAD = 4;

    /** Reads and decodes the log's pages up to {@code last} on its own thread; an empty page ends them. */
    private static final class Reader implements Runnable {
        private final EventLog log;
        private final long last;
        private final BlockingQueue<Object> pages = new ArrayBlockingQueue<>(AHEAD);
        private volatile boolean stopped;
        volatile long nanos;

        Reader(EventLog log, long last) {
            this.log = log;
            this.last = last;
        }

        @Override
        public void run() {
            long at = 0;
            try {
                while (!stopped) {
                    long before = System.nanoTime();
                    var page = log.readAfter(at, PAGE);
                    int end = page.size();
                    while (end > 0 && page.get(end - 1).position() > last) end--;     // appended since: not this replay's
                    if (end < page.size()) page = page.subList(0, end);
                    nanos += System.nanoTime() - before;
                    pages.put(page);
                    if (page.isEmpty() || end < PAGE) {
                        if (!page.isEmpty()) pages.put(List.of());
                        return;
                    }
                    at = page.getLast().position();
                }
            } catch (InterruptedException e) {
                // the replay ended without us
            } catch (RuntimeException e) {
                stopped = true;
                pages.offer(e);                                 // there is room: the replay takes pages until this
            }
        }

        @SuppressWarnings("unchecked")
        List<RecordedEvent> next() {
            try {
                var next = pages.take();
                if (next instanceof RuntimeException failure) throw new IllegalStateException("reading the log failed", failure);
                return (List<RecordedEvent>) next;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while replaying", e);
            }
        }

        /** Ends the reading early: never by interrupting it (H2 closes its file when a thread is interrupted in I/O). */
        void stop() {
            stopped = true;
            pages.clear();                                   // a reader waiting to hand over a page goes on and sees it
        }
    }

    /** One projection's fresh state and its counts. */
    private static final class Run {
        final Projection<?> projection;
        final ProjectionState state;
        long applied;
        long nanos;

        Run(Projection<?> projection, ProjectionState state) {
            this.projection = projection;
            this.state = state;
        }

        void apply(List<RecordedEvent> page) {
            long before = System.nanoTime();
            for (var event : page) {
                if (!projection.reads(event.event().getClass())) continue;
                try {
                    state.apply(event);
                } catch (RuntimeException e) {
                    throw new ReplayFailed(projection.name(), event.position(), e);
                }
                applied++;
            }
            nanos += System.nanoTime() - before;
        }
    }

    /** A projection's fresh state could not apply the event at {@code position}. */
    public static final class ReplayFailed extends RuntimeException {
        private final String projection;
        private final long position;

        ReplayFailed(String projection, long position, RuntimeException cause) {
            super("projection " + projection + " could not apply the event at position " + position + ": " + cause, cause);
            this.projection = projection;
            this.position = position;
        }

        public String projection() {
            return projection;
        }

        public long position() {
            return position;
        }
    }
}
