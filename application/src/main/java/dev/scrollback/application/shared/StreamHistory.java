package dev.scrollback.application.shared;

import dev.scrollback.domain.shared.DomainEvent;
import java.util.List;

/** Everything one stream holds, and its version (-1 when the stream has no events). */
public record StreamHistory(StreamId stream, long version, List<RecordedEvent> events) {
    public StreamHistory {
        events = List.copyOf(events);
    }

    public boolean exists() {
        return version >= 0;
    }

    public ExpectedVersion expectedNext() {
        return ExpectedVersion.after(version);
    }

    /** The stream's domain events, narrowed to the capability's sealed type. */
    public <E extends DomainEvent> List<E> eventsOf(Class<E> type) {
        return events.stream().map(RecordedEvent::event).map(type::cast).toList();
    }
}
