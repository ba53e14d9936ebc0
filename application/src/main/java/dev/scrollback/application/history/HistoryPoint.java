package dev.scrollback.application.history;

import dev.scrollback.domain.shared.InvalidValue;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * The point in the log's history a question is asked at: a time or a global position (issue 7, "time travel"). A
 * stream as of the point is its events in stream order up to the first that had not happened yet at the point: as of
 * a time, up to the first recorded ({@code occurredAt}) after it; as of a position, up to the first with a higher
 * position. With one clock the first is "every event at or before T"; should clocks of several instances disagree, it
 * still stops where the stream's own order says, so the state shown is one the stream really passed through.
 */
public sealed interface HistoryPoint {

    /** Whether an event recorded at {@code position} and {@code at} had happened at this point. */
    boolean includes(long position, Instant at);

    /** An ISO-8601 instant as typed ({@code 2031-05-01T12:00:00Z}, or with an offset such as {@code +02:00}). */
    static AtTime atTime(String text) {
        try {
            if (text == null || text.length() > MAX_TEXT) throw new DateTimeParseException("too long", "", 0);
            return new AtTime(Instant.parse(text));
        } catch (DateTimeParseException e) {
            throw new InvalidValue("at", "must be an ISO-8601 instant such as 2031-05-01T12:00:00Z");
        }
    }

    /** A global position as typed: a whole number, 0 or more. */
    static AtPosition atPosition(String text) {
        if (text == null || text.isEmpty() || text.length() > 18 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidValue("position", "must be 0 or a position (a whole number)");
        }
        return new AtPosition(Long.parseLong(text));
    }

    /** The longest instant text read: a date-time with nine fraction digits and an offset is 35 characters. */
    int MAX_TEXT = 64;

    /** Every event recorded at or before {@code at}. */
    record AtTime(Instant at) implements HistoryPoint {
        public AtTime {
            Objects.requireNonNull(at, "at");
        }

        @Override
        public boolean includes(long position, Instant recordedAt) {
            return !recordedAt.isAfter(at);
        }
    }

    /** Every event with a global position up to and including {@code position} (0: before the first event). */
    record AtPosition(long position) implements HistoryPoint {
        public AtPosition {
            if (position < 0) throw new InvalidValue("position", "must be 0 or a position (a whole number)");
        }

        @Override
        public boolean includes(long eventPosition, Instant recordedAt) {
            return eventPosition <= position;
        }
    }
}
