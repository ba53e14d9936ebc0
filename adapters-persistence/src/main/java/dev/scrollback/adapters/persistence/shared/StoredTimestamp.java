package dev.scrollback.adapters.persistence.shared;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * How an event's time is written in Axon's {@code timeStamp} text column: ISO-8601 in UTC with exactly nine fraction
 * digits ({@code 2025-03-01T20:00:00.123456789Z}). Axon's own format keeps milliseconds only, which would change
 * {@code occurredAt} between append and read; fixed width keeps the column sortable as text, and Axon's reader
 * (ISO_OFFSET_DATE_TIME) still parses it. Hand-written because the feed parses one per event.
 */
final class StoredTimestamp {
    private static final int LENGTH = "2025-03-01T20:00:00.123456789Z".length();

    private StoredTimestamp() {}

    static String format(Instant instant) {
        var t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC);
        if (t.getYear() < 0 || t.getYear() > 9999) return DateTimeFormatter.ISO_INSTANT.format(instant);
        var s = new StringBuilder(LENGTH);
        pad(s, t.getYear(), 4).append('-');
        pad(s, t.getMonthValue(), 2).append('-');
        pad(s, t.getDayOfMonth(), 2).append('T');
        pad(s, t.getHour(), 2).append(':');
        pad(s, t.getMinute(), 2).append(':');
        pad(s, t.getSecond(), 2).append('.');
        return pad(s, t.getNano(), 9).append('Z').toString();
    }

    static Instant parse(String text) {
        if (text.length() != LENGTH || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(19) != '.' || text.charAt(29) != 'Z') {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text, Instant::from);   // Axon's own or unusual years
        }
        var t = LocalDateTime.of(digits(text, 0, 4), digits(text, 5, 2), digits(text, 8, 2),
                digits(text, 11, 2), digits(text, 14, 2), digits(text, 17, 2), digits(text, 20, 9));
        return t.toInstant(ZoneOffset.UTC);
    }

    private static StringBuilder pad(StringBuilder s, int value, int width) {
        var digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) s.append('0');
        return s.append(digits);
    }

    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') throw new IllegalArgumentException("not a timestamp: " + text);
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
