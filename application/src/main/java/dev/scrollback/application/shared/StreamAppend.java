package dev.scrollback.application.shared;

import dev.scrollback.domain.shared.DomainEvent;
import java.util.List;

/** Events to add to one stream, on condition that the stream is still at the expected version. */
public record StreamAppend(StreamId stream, ExpectedVersion expected, List<? extends DomainEvent> events) {
    public StreamAppend {
        events = List.copyOf(events);
        if (events.isEmpty()) throw new IllegalArgumentException("nothing to append to " + stream);
    }
}
