package dev.scrollback.application.shared;

import java.util.List;

/**
 * The system of record (SPEC §3). Appends are atomic across all the streams of one call and checked against each
 * stream's expected version: two writers never silently overwrite each other. Global positions start at 1 and
 * strictly increase in the order readers see events; a reader asking for events after P never misses one that
 * commits later (positions are assigned in commit order).
 */
public interface EventLog {

    /**
     * Appends all or nothing. Returns the recorded events in append order, with their positions.
     *
     * @throws Conflict when a stream is not at the version its append expected
     */
    List<RecordedEvent> append(List<StreamAppend> appends, EventMetadata metadata);

    default List<RecordedEvent> append(StreamAppend append, EventMetadata metadata) {
        return append(List.of(append), metadata);
    }

    /** One stream, oldest event first (empty history, version -1, when it does not exist). */
    StreamHistory read(StreamId stream);

    /**
     * The events of one stream with a version greater than {@code afterVersion}, oldest first: the tail a reader that
     * already folded the stream up to that version still needs. {@code -1} reads the whole stream; an unknown stream,
     * or a version at or past its end, reads nothing.
     *
     * @throws IllegalArgumentException when {@code afterVersion} is below -1
     */
    List<RecordedEvent> readAfter(StreamId stream, long afterVersion);

    /** Up to {@code limit} events with a position greater than {@code after}, in position order. */
    List<RecordedEvent> readAfter(long after, int limit);

    /** The highest position a reader can see now (0 for an empty log). */
    long lastPosition();

    /**
     * Delivers every event after {@code after} to {@code subscriber}, in order and on one thread, first from the store
     * and then live as events are appended, until the subscription is closed. Never skips, never repeats.
     */
    Subscription follow(long after, Subscriber subscriber);

    interface Subscriber {
        void onEvent(RecordedEvent event);

        /** The subscription stopped because reading or the subscriber failed. */
        default void onError(Throwable failure) {}
    }

    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    /** A stream was not at the expected version; nothing of the append was written. */
    final class Conflict extends RuntimeException {
        private final StreamId stream;
        private final ExpectedVersion expected;
        private final long actual;

        public Conflict(StreamId stream, ExpectedVersion expected, long actual) {
            super("stream " + stream + " is at version " + actual + ", expected " + expected, null, false, false);
            this.stream = stream;
            this.expected = expected;
            this.actual = actual;
        }

        public StreamId stream() {
            return stream;
        }

        public ExpectedVersion expected() {
            return expected;
        }

        public long actual() {
            return actual;
        }
    }
}
