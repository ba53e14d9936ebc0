package dev.scrollback.adapters.persistence.exchange;

import dev.scrollback.application.exchange.ExportFormat;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.scrollback.adapters.persistence.shared.StoredRecords;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes the log after a position as lines of JSON, one stored row per line, a page at a time (decision 0023): memory
 * stays at one page however long the log, and a reader on the other end of a slow pipe or socket only holds the
 * writer up. Rows appended while it runs are included up to the moment it reaches the end.
 */
public final class LogExport {
    /** Rows read per page. */
    static final int PAGE = 1000;
    private static final JsonFactory JSON = JsonFactory.builder().build();

    /** How much was written: the number of events and the first and last positions (0 when none). */
    public record Exported(long events, long firstPosition, long lastPosition) {}

    private LogExport() {}

    /** Writes every row after {@code after} to {@code out} (flushed, not closed). */
    public static Exported write(StoredRecords log, long after, ExportFormat format, OutputStream out) throws IOException {
        if (after < 0) throw new IllegalArgumentException("after must be 0 or a position, was " + after);
        var line = LineFormat.of(format);
        long count = 0, first = 0, last = after;
        try (var generator = JSON.createGenerator(out)) {
            generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            while (true) {
                var page = log.after(last, PAGE);
                if (page.isEmpty()) break;
                for (var record : page) {
                    line.write(generator, record);
                    generator.writeRaw('\n');
                    if (count++ == 0) first = record.position();
                    last = record.position();
                }
                generator.flush();                      // a page at a time to the reader
            }
        }
        out.flush();
        return new Exported(count, first, count == 0 ? 0 : last);
    }
}
