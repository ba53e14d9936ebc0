package dev.scrollback.adapters.persistence.exchange;

import dev.scrollback.application.exchange.ExportFormat;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.scrollback.adapters.persistence.exchange.JsonBytes.LineProblem;
import dev.scrollback.adapters.persistence.shared.EventStore;
import dev.scrollback.adapters.persistence.shared.RecordImport;
import dev.scrollback.adapters.persistence.shared.StoredRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Reads an export back into an empty store (decision 0023): the file is streamed a line at a time (each at most
 * {@value #MAX_LINE_BYTES} bytes), each line parsed in its format and checked, and the first bad line refuses the whole
 * import naming its number; nothing is left behind (see {@link RecordImport}). The format is the one given, or else
 * the first line's: a line with a {@code specversion} is CloudEvents.
 */
public final class LogImport {
    /** The longest line read: a 1 MiB payload in base64 with its envelope and columns fits with room to spare. */
    public static final int MAX_LINE_BYTES = 2 * 1024 * 1024;
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).maxStringLength(MAX_LINE_BYTES).build())
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final byte[] SPECVERSION = "\"specversion\"".getBytes(StandardCharsets.US_ASCII);

    private LogImport() {}

    /**
     * Imports every line of {@code in} into {@code store}, which must be empty.
     *
     * @param format the lines' format, or empty to go by the first line
     * @throws RecordImport.Refused naming the line and the reason; the store is left empty
     */
    public static RecordImport.Imported read(InputStream in, Optional<ExportFormat> format, EventStore store) {
        return store.importRecords(new Lines(in, format));
    }

    /** The file as rows, one line at a time. */
    private static final class Lines implements RecordImport.Source {
        private final InputStream in;
        private LineFormat format;
        private long number;
        private final byte[] buffer = new byte[64 * 1024];
        private int start, end;
        private boolean eof;

        Lines(InputStream in, Optional<ExportFormat> format) {
            this.in = in;
            this.format = format.map(LineFormat::of).orElse(null);
        }

        @Override
        public StoredRecord next() throws IOException {
            var line = nextLine();
            if (line == null) return null;
            if (format == null) format = LineFormat.of(contains(line, SPECVERSION) ? ExportFormat.CLOUDEVENTS : ExportFormat.NDJSON);
            try (var parser = JSON.createParser(line)) {
                return format.read(parser, line);
            } catch (LineProblem e) {
                throw refused(e.getMessage());
            } catch (IOException e) {
                throw refused("not valid JSON: " + firstLine(e.getMessage()));
            }
        }

        @Override
        public String where() {
            return "line " + number;
        }

        private RecordImport.Refused refused(String reason) {
            return new RecordImport.Refused(where() + ": " + reason + "; nothing was imported");
        }

        /** The next line without its end, or null at the end of the input. */
        private byte[] nextLine() throws IOException {
            if (eof && start == end) return null;
            number++;
            var line = new ByteArrayOutputStream();
            while (true) {
                for (int i = start; i < end; i++) {
                    if (buffer[i] == '\n') {
                        line.write(buffer, start, i - start);
                        start = i + 1;
                        return finish(line);
                    }
                }
                line.write(buffer, start, end - start);
                start = end;
                if (line.size() > MAX_LINE_BYTES) throw refused("longer than " + MAX_LINE_BYTES + " bytes");
                if (eof) break;
                int read = in.read(buffer, 0, buffer.length);
                if (read < 0) {
                    eof = true;
                    start = end = 0;
                } else {
                    start = 0;
                    end = read;
                }
            }
            if (line.size() == 0) {
                number--;
                return null;                                // the end of the last line was the end of the file
            }
            throw refused("truncated: the file ends in the middle of this line");
        }

        private byte[] finish(ByteArrayOutputStream line) {
            if (line.size() > MAX_LINE_BYTES) throw refused("longer than " + MAX_LINE_BYTES + " bytes");
            var bytes = line.toByteArray();
            int length = bytes.length;
            if (length > 0 && bytes[length - 1] == '\r') length--;        // a file that went through a CRLF system
            if (length == 0) throw refused("empty (every line must be one event)");
            return length == bytes.length ? bytes : Arrays.copyOf(bytes, length);
        }

        private static boolean contains(byte[] line, byte[] part) {
            outer:
            for (int i = 0; i + part.length <= line.length; i++) {
                for (int j = 0; j < part.length; j++) if (line[i + j] != part[j]) continue outer;
                return true;
            }
            return false;
        }

        private static String firstLine(String message) {
            if (message == null) return "unreadable";
            int cut = message.indexOf('\n');
            return cut < 0 ? message : message.substring(0, cut);
        }
    }
}
