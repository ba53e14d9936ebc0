package dev.scrollback.application.shared;

import dev.scrollback.application.shared.Decision.Loaded;
import dev.scrollback.domain.shared.Decider;
import dev.scrollback.domain.shared.DomainEvent;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Folded stream states kept between loads, so that loading a long stream (an account with thousands of logins) reads
 * and folds only the events appended since the last load, not its whole history. Each entry is a state and the version
 * it was folded to; a load reads the stream's tail after that version from the log and folds it on, so it sees every
 * append, this instance's or another's. The version returned is the one folded to, so an append decided on a cached
 * state still expects the version it read and the store still refuses it when the stream has moved: caching changes
 * what a load costs, never what it answers.
 *
 * <p>Safe to share: states are immutable and deciders pure. One cache per {@link EventLog} (see {@link #of}), so two
 * stores in one process (tests, benchmarks) never see each other's states. At most {@link #CAPACITY} streams are kept,
 * least recently loaded evicted first; a stream that does not exist is never kept, so loads of made-up ids cannot push
 * real ones out.
 *
 * <p>Entries are keyed by stream and decider class: a decider's fold must depend only on its class and the stream it
 * folds (ours do: {@code SessionDecider} and {@code ApiKeyDecider} take the id their stream is named after).
 */
public final class StreamStates {
    /** The busy accounts and sessions of a large board, in some MB of small records. */
    public static final int CAPACITY = 10_000;

    /** Weak keys: a closed store's states go with it. EventLogs compare by identity. */
    private static final Map<EventLog, StreamStates> BY_LOG = Collections.synchronizedMap(new WeakHashMap<>());

    private record Key(StreamId stream, Class<?> decider) {}

    private record Folded(long version, Object state) {}

    private final int capacity;
    private final LinkedHashMap<Key, Folded> folded;           // access order: eldest = least recently loaded; guarded by this

    StreamStates(int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        this.capacity = capacity;
        this.folded = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Folded> eldest) {
                return size() > StreamStates.this.capacity;
            }
        };
    }

    /** The states folded from {@code log}, shared by every load from it. */
    public static StreamStates of(EventLog log) {
        return BY_LOG.computeIfAbsent(log, any -> new StreamStates(CAPACITY));
    }

    /** {@code stream} folded to its current version: the cached state with the events appended since folded on. */
    public <C, S, E extends DomainEvent> Loaded<S> load(EventLog log, StreamId stream, Decider<C, S, E> decider, Class<E> type) {
        var key = new Key(stream, decider.getClass());
        var cached = cached(key);
        long version = cached == null ? -1 : cached.version();
        @SuppressWarnings("unchecked")                         // same decider class, so the same state type
        S state = cached == null ? decider.initialState() : (S) cached.state();
        var tail = log.readAfter(stream, version);
        if (!tail.isEmpty() && tail.getFirst().version() != version + 1) {
            // The store's history does not continue the cached one (it cannot happen with an append-only log, but a
            // wrong state would be worse than a slow load): fold the stream again from the start.
            forget(key);
            version = -1;
            state = decider.initialState();
            tail = log.readAfter(stream, -1);
        }
        for (var event : tail) {
            state = decider.evolve(state, type.cast(event.event()));
            version = event.version();
        }
        if (!tail.isEmpty()) remember(key, new Folded(version, state));
        return new Loaded<>(stream, version, state);
    }

    /** How many streams are kept now. */
    public int size() {
        synchronized (this) {
            return folded.size();
        }
    }

    private Folded cached(Key key) {
        synchronized (this) {
            return folded.get(key);
        }
    }

    private void remember(Key key, Folded state) {
        synchronized (this) {                               // two loads racing: the one folded further wins
            folded.merge(key, state, (kept, fresh) -> fresh.version() > kept.version() ? fresh : kept);
        }
    }

    private void forget(Key key) {
        synchronized (this) {
            folded.remove(key);
        }
    }
}
