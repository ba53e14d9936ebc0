package dev.scrollback.adapters.persistence.shared;

import dev.scrollback.application.shared.EventLog;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@code follow} subscription: a virtual thread that reads the log in position order after its cursor, delivers
 * each event on that one thread, and when it has caught up waits for this process's next commit (or {@link #POLL},
 * for commits by other instances). The cursor only moves past an event once it has been delivered, and reads are
 * by position, which is assigned in commit order: nothing is skipped and nothing repeats. Never interrupted (an
 * interrupt during H2 file I/O would close the database's file), so closing sets a flag and wakes it.
 */
final class LiveFollower<T> implements EventLog.Subscription {
    /** Reads up to {@code limit} items after a position, in position order. */
    interface Reader<T> {
        List<T> after(long after, int limit);
    }

    /** Where the items go; on the follower's one thread. */
    interface Sink<T> {
        void accept(T item);

        void failed(Throwable failure);

        static <T> Sink<T> of(Consumer<T> onItem, Consumer<Throwable> onFailure) {
            return new Sink<>() {
                @Override
                public void accept(T item) {
                    onItem.accept(item);
                }

                @Override
                public void failed(Throwable failure) {
                    onFailure.accept(failure);
                }
            };
        }
    }

    static final int BATCH = 500;
    static final Duration POLL = Duration.ofMillis(250);
    private static final Logger log = LoggerFactory.getLogger(LiveFollower.class);
    private static final AtomicLong COUNT = new AtomicLong();

    private final Reader<T> reader;
    private final ToLongFunction<T> position;
    private final AppendSignal appended;
    private final Sink<T> subscriber;
    private final Consumer<LiveFollower<T>> whenStopped;
    private final Thread thread;
    private volatile boolean closed;

    LiveFollower(Reader<T> reader, ToLongFunction<T> position, AppendSignal appended, long after, Sink<T> subscriber,
                 Consumer<LiveFollower<T>> whenStopped) {
        this.reader = reader;
        this.position = position;
        this.appended = appended;
        this.subscriber = subscriber;
        this.whenStopped = whenStopped;
        this.thread = Thread.ofVirtual().name("event-follower-" + COUNT.incrementAndGet()).unstarted(() -> run(after));
    }

    LiveFollower<T> start() {
        thread.start();
        return this;
    }

    private void run(long after) {
        long cursor = after;
        try {
            while (!closed) {
                long seen = appended.generation();
                var batch = reader.after(cursor, BATCH);
                for (var item : batch) {
                    if (closed) return;
                    subscriber.accept(item);
                    cursor = position.applyAsLong(item);
                }
                if (batch.size() < BATCH && !closed) appended.awaitAfter(seen, POLL);
            }
        } catch (Throwable failure) {
            if (!closed) report(failure);
        } finally {
            closed = true;
            whenStopped.accept(this);
        }
    }

    private void report(Throwable failure) {
        try {
            subscriber.failed(failure);
        } catch (RuntimeException e) {
            log.warn("a subscriber failed while being told that its subscription failed", e);
        }
    }

    /** Stops delivery; once this returns (from another thread), no further event is delivered. */
    @Override
    public void close() {
        closed = true;
        appended.signal();
        if (Thread.currentThread() == thread) return;
        try {
            if (!thread.join(Duration.ofSeconds(10))) log.warn("{} is still busy in its subscriber 10 s after close", thread.getName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
