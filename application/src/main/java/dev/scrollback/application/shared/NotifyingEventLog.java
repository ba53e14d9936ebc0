package dev.scrollback.application.shared;

import java.util.List;

/** The event log, telling {@link AppendedHere} of each append made through it once it is stored. */
public final class NotifyingEventLog implements EventLog {
    private final EventLog log;
    private final AppendedHere here;

    public NotifyingEventLog(EventLog log, AppendedHere here) {
        this.log = log;
        this.here = here;
    }

    @Override
    public List<RecordedEvent> append(List<StreamAppend> appends, EventMetadata metadata) {
        var recorded = log.append(appends, metadata);
        if (!recorded.isEmpty()) here.appended(recorded);
        return recorded;
    }

    @Override
    public StreamHistory read(StreamId stream) {
        return log.read(stream);
    }

    @Override
    public List<RecordedEvent> readAfter(StreamId stream, long afterVersion) {
        return log.readAfter(stream, afterVersion);
    }

    @Override
    public List<RecordedEvent> readAfter(long after, int limit) {
        return log.readAfter(after, limit);
    }

    @Override
    public long lastPosition() {
        return log.lastPosition();
    }

    @Override
    public Subscription follow(long after, Subscriber subscriber) {
        return log.follow(after, subscriber);
    }
}
