package dev.scrollback.adapters.persistence.shared;

import dev.scrollback.application.projections.RebuildProgress;
import dev.scrollback.application.projections.RebuildProgress.Outcome;
import dev.scrollback.application.shared.EventLog;
import dev.scrollback.application.shared.ProjectionState;
import dev.scrollback.application.shared.Rebuildable;
import dev.scrollback.application.shared.RecordedEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One rebuild of one projection, beside its live state: a fresh state is fed the log from position 0, read straight
 * from the store a page at a time on the rebuild's own thread, with the live state serving all along. It applies only
 * the family's events that the live state has applied too (it waits for nothing: it stops where the live state is),
 * then, under the feed's lock, catches up to exactly the live position and is swapped in ({@link ProjectionFeed#swapIn}).
 * Afterwards the replaced state, no longer fed, is compared with the rebuilt one's snapshot taken at the swap. A state
 * that cannot apply an event ends the rebuild as failed at that position, and the live state is left as it was.
 */
final class ProjectionRebuild {
    /** Events read from the store at a time; larger than the processors' pages, since a rebuild reads far behind. */
    static final int PAGE = 2_000;
    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuild.class);

    private final String projection;
    private final Clock clock;
    private final Instant startedAt;
    private final long head;
    private final long startedNanos = System.nanoTime();
    private volatile long reached;
    private volatile long events;
    private volatile long finishedNanos;
    private volatile Instant finishedAt;
    private volatile Outcome outcome = new Outcome.Running();

    ProjectionRebuild(String projection, long head, Clock clock) {
        this.projection = projection;
        this.head = head;
        this.clock = clock;
        this.startedAt = clock.instant();
    }

    boolean running() {
        return outcome instanceof Outcome.Running;
    }

    RebuildProgress progress() {
        long ended = finishedNanos;
        double seconds = ((ended == 0 ? System.nanoTime() : ended) - startedNanos) / 1e9;
        long read = events;
        return new RebuildProgress(projection, startedAt, head, reached, read, seconds > 0 ? Math.round(read / seconds) : 0,
                Optional.ofNullable(finishedAt), outcome);
    }

    /** Runs the rebuild to its end on the calling thread; {@code stopping} ends it early, leaving the live state. */
    <S extends ProjectionState> void run(EventLog store, Projection<?> reads, ProjectionFeed<?> feed, Rebuildable<S> state,
                                         BooleanSupplier stopping) {
        S rebuilt = state.fresh();
        var cursor = new Cursor(store, reads, rebuilt);
        try {
            while (!stopping.getAsBoolean() && cursor.advance(feed)) {
                // page after page, without the lock
            }
            if (stopping.getAsBoolean()) {
                rebuilt.retire();
                finish(new Outcome.Failed(cursor.at, "the server stopped before the rebuild finished"));
                return;
            }
            var swapped = feed.swapIn(state, rebuilt, cursor::catchUpTo);
            var live = swapped.replaced().snapshot();
            swapped.replaced().retire();
            var difference = live.firstDifference(swapped.rebuilt());
            finish(difference.isEmpty()
                    ? new Outcome.Identical(swapped.position(), swapped.rebuilt().digest(), swapped.rebuilt().size())
                    : new Outcome.Differed(swapped.position(), difference.get(), live.digest(), swapped.rebuilt().digest()));
            if (difference.isPresent()) {
                log.warn("projection {} rebuilt at position {} differs from the live state it replaced: {}", projection,
                        swapped.position(), difference.get());
            }
        } catch (RuntimeException e) {
            rebuilt.retire();
            long at = cursor.failedAt > 0 ? cursor.failedAt : cursor.at;
            log.warn("rebuilding projection {} failed at position {}; the live state keeps serving", projection, at, e);
            finish(new Outcome.Failed(at, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())));
        }
    }

    private void finish(Outcome end) {
        finishedNanos = System.nanoTime();
        finishedAt = clock.instant();
        outcome = end;
    }

    /** Reads the log after {@link #at} into the rebuilt state, never past what the live state has applied. */
    private final class Cursor {
        private final EventLog store;
        private final Projection<?> reads;
        private final ProjectionState rebuilt;
        long at;                                          // every event up to here is read (applied, or not the family's)
        long failedAt;

        Cursor(EventLog store, Projection<?> reads, ProjectionState rebuilt) {
            this.store = store;
            this.reads = reads;
            this.rebuilt = rebuilt;
        }

        /** Reads one page; false once at the end of the log or at an event the live state has not applied yet. */
        boolean advance(ProjectionFeed<?> feed) {
            var page = store.readAfter(at, PAGE);
            long live = feed.applied();
            for (var event : page) {
                if (reads.reads(event.event().getClass()) && event.position() > live) {
                    live = feed.applied();
                    if (event.position() > live) return false;    // the lock phase takes it from here
                }
                take(event);
            }
            return page.size() == PAGE;
        }

        /** Applies the family's events up to {@code live} and none after it (under the feed's lock). */
        void catchUpTo(long live) {
            while (true) {
                var page = store.readAfter(at, PAGE);
                for (var event : page) {
                    if (reads.reads(event.event().getClass()) && event.position() > live) return;
                    take(event);
                }
                if (page.size() < PAGE) return;
            }
        }

        private void take(RecordedEvent event) {
            if (reads.reads(event.event().getClass())) {
                failedAt = event.position();
                rebuilt.apply(event);
                failedAt = 0;
            }
            at = event.position();
            reached = at;
            events++;
        }
    }
}
