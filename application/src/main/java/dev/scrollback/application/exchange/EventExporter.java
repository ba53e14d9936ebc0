package dev.scrollback.application.exchange;

import java.io.IOException;
import java.io.OutputStream;

/** Out-port: writes the stored log after a position to {@code out} as lines of JSON in {@code format} (decision 0023). */
@FunctionalInterface
public interface EventExporter {
    void write(long after, ExportFormat format, OutputStream out) throws IOException;
}
