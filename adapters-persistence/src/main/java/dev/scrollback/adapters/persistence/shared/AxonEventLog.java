package dev.scrollback.adapters.persistence.shared;

import dev.scrollback.application.live.LiveItem;
import dev.scrollback.application.live.LiveSource;
import dev.scrollback.application.shared.EventLog;
import dev.scrollback.application.shared.EventMetadata;
import dev.scrollback.application.shared.RecordedEvent;
import dev.scrollback.application.shared.StreamAppend;
import dev.scrollback.application.shared.StreamHistory;
import dev.scrollback.application.shared.StreamId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The application's {@link EventLog} on Axon's event table: appends go through the {@link GroupCommitWriter} (and
 * Axon's storage engine), reads through the {@link StoredEventReader}, subscriptions are {@link LiveFollower}s.
 */
final class AxonEventLog implements EventLog {
    private final GroupCommitWriter writer;
    private final StoredEventReader reader;
    private final AppendSignal appended;
    private final Set<LiveFollower<?>> followers = ConcurrentHashMap.newKeySet();

    AxonEventLog(GroupCommitWriter writer, StoredEventReader reader, AppendSignal appended) {
        this.writer = writer;
        this.reader = reader;
        this.appended = appended;
    }

    @Override
    public List<RecordedEvent> append(List<StreamAppend> appends, EventMetadata metadata) {
        return writer.append(appends, metadata);
    }

    @Override
    public StreamHistory read(StreamId stream) {
        return reader.stream(stream);
    }

    /**
     * A stream's tail; nothing, without a query, when this process is the store's only writer and its last commit left
     * the stream at or below {@code afterVersion} (a decision on a folded state that is current costs no read).
     */
    @Override
    public List<RecordedEvent> readAfter(StreamId stream, long afterVersion) {
        if (afterVersion >= -1) {
            long committed = writer.committedVersion(stream);
            if (committed != GroupCommitWriter.UNKNOWN && committed <= afterVersion) return List.of();
        }
        return reader.streamAfter(stream, afterVersion);
    }

    @Override
    public List<RecordedEvent> readAfter(long after, int limit) {
        return reader.after(after, limit);
    }

    @Override
    public long lastPosition() {
        return reader.lastPosition();
    }

    @Override
    public Subscription follow(long after, Subscriber subscriber) {
        if (after < 0) throw new IllegalArgumentException("after must be 0 or a position, was " + after);
        return follow(reader::after, RecordedEvent::position, after,
                LiveFollower.Sink.of(subscriber::onEvent, subscriber::onError));
    }

    /** The live items: each event with its public view, read once (for {@link dev.scrollback.application.live.LiveHub}). */
    LiveSource liveSource() {
        return new LiveSource() {
            @Override
            public List<LiveItem> after(long after, int limit) {
                return reader.liveAfter(after, limit);
            }

            @Override
            public long lastPosition() {
                return reader.lastPosition();
            }

            @Override
            public Subscription follow(long after, Consumer<LiveItem> onItem, Consumer<Throwable> failed) {
                if (after < 0) throw new IllegalArgumentException("after must be 0 or a position, was " + after);
                return AxonEventLog.this.follow(reader::liveAfter, LiveItem::position, after,
                        LiveFollower.Sink.of(onItem, failed));
            }
        };
    }

    private <T> Subscription follow(LiveFollower.Reader<T> read, java.util.function.ToLongFunction<T> position, long after,
                                    LiveFollower.Sink<T> sink) {
        var follower = new LiveFollower<>(read, position, appended, after, sink, followers::remove);
        followers.add(follower);
        return follower.start();
    }

    /** Ends every subscription (the store is closing). */
    void closeSubscriptions() {
        for (var follower : List.copyOf(followers)) follower.close();
    }
}
