package dev.scrollback.application.history;

import dev.scrollback.application.shared.RecordedEvent;
import java.time.Instant;

/** One event named so an auditor can cite it: its global position, when it was recorded, and its type. */
public record EventMark(long position, Instant at, String type) {
    static EventMark of(RecordedEvent event) {
        return new EventMark(event.position(), event.metadata().occurredAt(), event.type());
    }
}
