package dev.scrollback.application.history;

import dev.scrollback.application.shared.ProjectionSnapshot;
import dev.scrollback.application.shared.ProjectionState;
import dev.scrollback.application.shared.Rebuildable;
import dev.scrollback.application.shared.RecordedEvent;
import dev.scrollback.domain.boards.BoardId;
import dev.scrollback.domain.boards.MessageEvent.MessagePosted;
import dev.scrollback.domain.boards.ThreadId;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Projection: where each board's threads begin (position and time of the first message), in log order, and how far
 * through the log it has read. Threads live on streams of their own and are never removed, so this is every thread a
 * board can ever have held; time travel folds only those that had begun at the point asked, and reads the log itself
 * after {@link Known#upTo()}, where this projection has not got yet, so an answer misses nothing. It is fed every
 * event (not only the boards' family), so {@code upTo} is the true position it has read to.
 */
@Named
public final class BoardThreads {
    /** A thread's first message: its position in the log and when it was recorded. */
    public record ThreadStart(ThreadId thread, long position, Instant at) {}

    /** The threads a board had when asked, oldest first, and the last position this projection had read. */
    public record Known(List<ThreadStart> starts, long upTo) {
        public Known {
            starts = List.copyOf(starts);
        }
    }

    private final Rebuildable<State> state = new Rebuildable<>(State::new);

    /** All the projection knows, swapped whole when rebuilt. */
    static final class State implements ProjectionState {
        private final Map<BoardId, List<ThreadStart>> byBoard = new HashMap<>();
        private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
        private long upTo;

        /** Applies one event of the log, in log order (any event: each moves {@code upTo}). */
        @Override
        public void apply(RecordedEvent recorded) {
            lock.writeLock().lock();
            try {
                if (recorded.position() <= upTo) return;                   // already applied (a processor retried)
                upTo = recorded.position();
                if (startsThread(recorded)) {
                    var posted = (MessagePosted) recorded.event();
                    byBoard.computeIfAbsent(posted.board(), b -> new ArrayList<>())
                            .add(new ThreadStart(posted.thread(), recorded.position(), recorded.metadata().occurredAt()));
                }
            } finally {
                lock.writeLock().unlock();
            }
        }

        Known threadsOf(BoardId board) {
            lock.readLock().lock();
            try {
                return new Known(byBoard.getOrDefault(board, List.of()), upTo);
            } finally {
                lock.readLock().unlock();
            }
        }

        /** The thread starts only: {@code upTo} is where this state has read, not what it holds. */
        @Override
        public ProjectionSnapshot snapshot() {
            lock.readLock().lock();
            try {
                var snapshot = ProjectionSnapshot.builder();
                byBoard.forEach((board, starts) -> snapshot.put("board/" + board, starts));
                return snapshot.build();
            } finally {
                lock.readLock().unlock();
            }
        }
    }

    /** Applies one event of the log, in log order (any event: each moves {@code upTo}). */
    public void apply(RecordedEvent recorded) {
        state.live().apply(recorded);
    }

    /** The projection's state, for rebuilding it (the persistence adapter's processors feed {@code live()}). */
    public Rebuildable<?> rebuildable() {
        return state;
    }

    /** A thread's stream begins with its first message, at version 0. */
    static boolean startsThread(RecordedEvent recorded) {
        return recorded.version() == 0 && recorded.event() instanceof MessagePosted;
    }

    public Known threadsOf(BoardId board) {
        return state.live().threadsOf(board);
    }
}
