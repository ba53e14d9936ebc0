package dev.scrollback.application.shared;

import dev.scrollback.domain.shared.DomainEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The {@link EventLog} contract in memory, for unit tests: atomic appends across streams with expected-version checks,
 * stream versions from 0, global positions from 1 without gaps, and followers that get history then live events, in
 * order, on their own thread. Thread-safe: one lock guards everything, and positions are assigned under it (so in
 * commit order). Events are kept as the objects appended (no JSON round trip): {@code type} is the record's simple
 * name, {@code schemaVersion} is 1.
 */
public final class InMemoryEventLog implements EventLog {
    private static final AtomicInteger FOLLOWERS = new AtomicInteger();

    private final Object lock = new Object();
    private final List<RecordedEvent> all = new ArrayList<>();                  // all.get(i).position() == i + 1
    private final Map<StreamId, List<RecordedEvent>> streams = new HashMap<>();
    private final AtomicReference<Runnable> beforeNextAppend = new AtomicReference<>();

    @Override
    public List<RecordedEvent> append(List<StreamAppend> appends, EventMetadata metadata) {
        Objects.requireNonNull(appends, "appends");
        Objects.requireNonNull(metadata, "metadata");
        var interleaving = beforeNextAppend.getAndSet(null);
        if (interleaving != null) interleaving.run();
        synchronized (lock) {
            var versions = new HashMap<StreamId, Long>();
            for (var append : appends) {                       // check everything before writing anything
                long actual = versions.computeIfAbsent(append.stream(), this::versionOf);
                if (!append.expected().isMetBy(actual)) throw new Conflict(append.stream(), append.expected(), actual);
                versions.put(append.stream(), actual + append.events().size());
            }
            var recorded = new ArrayList<RecordedEvent>();
            for (var append : appends) {
                var stream = streams.computeIfAbsent(append.stream(), s -> new ArrayList<>());
                for (DomainEvent event : append.events()) {
                    var entry = new RecordedEvent(all.size() + 1, UuidV7.next(), append.stream(), stream.size(),
                            event.getClass().getSimpleName(), 1, metadata, event);
                    all.add(entry);
                    stream.add(entry);
                    recorded.add(entry);
                }
            }
            lock.notifyAll();
            return List.copyOf(recorded);
        }
    }

    private long versionOf(StreamId stream) {
        var events = streams.get(stream);
        return events == null ? -1 : events.size() - 1;
    }

    @Override
    public StreamHistory read(StreamId stream) {
        synchronized (lock) {
            return new StreamHistory(stream, versionOf(stream), streams.getOrDefault(stream, List.of()));
        }
    }

    @Override
    public List<RecordedEvent> readAfter(StreamId stream, long afterVersion) {
        if (afterVersion < -1) throw new IllegalArgumentException("afterVersion must be >= -1: " + afterVersion);
        synchronized (lock) {
            var events = streams.getOrDefault(stream, List.of());          // events.get(v).version() == v
            if (afterVersion >= events.size() - 1) return List.of();           // no overflow at Long.MAX_VALUE
            return List.copyOf(events.subList((int) (afterVersion + 1), events.size()));
        }
    }

    @Override
    public List<RecordedEvent> readAfter(long after, int limit) {
        if (after < 0) throw new IllegalArgumentException("after must be >= 0: " + after);
        if (limit < 1) throw new IllegalArgumentException("limit must be >= 1: " + limit);
        synchronized (lock) {
            if (after >= all.size()) return List.of();
            return List.copyOf(all.subList((int) after, (int) Math.min(all.size(), after + limit)));
        }
    }

    @Override
    public long lastPosition() {
        synchronized (lock) {
            return all.size();
        }
    }

    @Override
    public Subscription follow(long after, Subscriber subscriber) {
        if (after < 0) throw new IllegalArgumentException("after must be >= 0: " + after);
        var follower = new Follower(after, Objects.requireNonNull(subscriber, "subscriber"));
        follower.thread.start();
        return follower;
    }

    // ---- for tests ----

    /** Runs {@code interleaving} once, on the appending thread, just before the next append checks versions: lets a
     *  test slip a competing write (or a failure) between a use case's read and its append. */
    public void beforeNextAppend(Runnable interleaving) {
        beforeNextAppend.set(Objects.requireNonNull(interleaving, "interleaving"));
    }

    /** Every recorded event, in position order. */
    public List<RecordedEvent> recorded() {
        synchronized (lock) {
            return List.copyOf(all);
        }
    }

    /** Every domain event, in position order. */
    public List<DomainEvent> events() {
        return recorded().stream().map(RecordedEvent::event).toList();
    }

    /** One stream's domain events, oldest first (empty when it does not exist). */
    public List<DomainEvent> events(StreamId stream) {
        return read(stream).events().stream().map(RecordedEvent::event).toList();
    }

    /** The ids of the streams that exist, in the order they were created. */
    public List<StreamId> streamIds() {
        return recorded().stream().map(RecordedEvent::stream).distinct().toList();
    }

    private final class Follower implements Subscription {
        private final Subscriber subscriber;
        private final Thread thread;
        private volatile boolean closed;
        private long cursor;

        Follower(long after, Subscriber subscriber) {
            this.cursor = after;
            this.subscriber = subscriber;
            this.thread = new Thread(this::deliver, "in-memory-event-log-follower-" + FOLLOWERS.incrementAndGet());
            this.thread.setDaemon(true);
        }

        private void deliver() {
            try {
                while (!closed) {
                    List<RecordedEvent> batch;
                    synchronized (lock) {
                        while (!closed && all.size() <= cursor) lock.wait();
                        if (closed) return;
                        batch = List.copyOf(all.subList((int) cursor, all.size()));
                    }
                    for (var event : batch) {                    // outside the lock: a slow subscriber blocks no writer
                        if (closed) return;
                        subscriber.onEvent(event);
                        cursor = event.position();
                    }
                }
            } catch (InterruptedException stop) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException | Error failure) {
                closed = true;
                subscriber.onError(failure);
            }
        }

        @Override
        public void close() {
            closed = true;
            synchronized (lock) {
                lock.notifyAll();
            }
            if (Thread.currentThread() == thread) return;        // closed from inside onEvent
            try {
                thread.join(10_000);
                if (thread.isAlive()) thread.interrupt();        // a subscriber stuck in onEvent
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
