package dev.scrollback.application.history;

import dev.scrollback.application.shared.EventLog;
import dev.scrollback.application.shared.RecordedEvent;
import dev.scrollback.application.shared.StreamId;
import dev.scrollback.domain.shared.DomainEvent;
import java.util.List;
import java.util.Optional;

/**
 * One stream as of a point: its events in stream order up to the first the point does not include, and no further
 * than the log's head when asked (see {@link HistoryPoint}); {@code first} is the stream's first event, folded or not.
 */
record StreamPrefix(List<RecordedEvent> events, Optional<RecordedEvent> first) {

    static StreamPrefix read(EventLog log, StreamId stream, HistoryPoint point, long head) {
        var all = log.read(stream).events();
        int n = 0;
        while (n < all.size() && all.get(n).position() <= head
                && point.includes(all.get(n).position(), all.get(n).metadata().occurredAt())) {
            n++;
        }
        return new StreamPrefix(all.subList(0, n), all.isEmpty() ? Optional.empty() : Optional.of(all.getFirst()));
    }

    boolean streamExists() {
        return first.isPresent();
    }

    <E extends DomainEvent> List<E> eventsOf(Class<E> type) {
        return events.stream().map(RecordedEvent::event).map(type::cast).toList();
    }

    Optional<EventMark> last() {
        return events.isEmpty() ? Optional.empty() : Optional.of(EventMark.of(events.getLast()));
    }
}
