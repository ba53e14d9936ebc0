package dev.scrollback.adapters.web.audit;

import dev.scrollback.adapters.web.shared.Json;
import dev.scrollback.application.audit.AuditEntry;
import dev.scrollback.application.audit.AuditPage;
import dev.scrollback.domain.shared.RemoteAddress;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * The audit log written out for a SIEM, as JSON Lines or CSV, one page at a time: each page is written before the next
 * is read, so an export of any length holds one page in memory. Shared by the REST export and the command line.
 */
public final class AuditExport {
    /** Entries per page read. */
    public static final int PAGE = 1000;
    static final List<String> CSV_HEADER = List.of("position", "at", "type", "actorKind", "actorId", "actorHandle", "channel",
            "address", "sessionId", "subjectId", "subjectHandle", "summary");

    public enum Format {
        JSONL("application/x-ndjson; charset=utf-8"), CSV("text/csv; charset=utf-8");

        private final String contentType;

        Format(String contentType) {
            this.contentType = contentType;
        }

        public String contentType() {
            return contentType;
        }

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /** {@code jsonl} (also when absent or empty) or {@code csv}; anything else is empty. */
        public static Optional<Format> of(String text) {
            if (text == null || text.isEmpty() || text.equals("jsonl")) return Optional.of(JSONL);
            return text.equals("csv") ? Optional.of(CSV) : Optional.empty();
        }
    }

    private AuditExport() {}

    /**
     * Writes {@code first} and every page after it: {@code pageAfter} reads the page after a position; a page shorter
     * than {@link #PAGE} is the last.
     */
    public static void write(Writer out, Format format, AuditPage first, LongFunction<AuditPage> pageAfter) throws IOException {
        if (format == Format.CSV) out.write(Csv.line(CSV_HEADER));
        var page = first;
        while (true) {
            for (var entry : page.entries()) out.write(format == Format.CSV ? csvLine(entry) : jsonLine(entry));
            if (page.entries().size() < PAGE) break;
            out.flush();
            page = pageAfter.apply(page.next());
        }
        out.flush();
    }

    static String jsonLine(AuditEntry entry) throws IOException {
        return Json.mapper().writeValueAsString(AuditRoutes.Entry.of(entry)) + "\n";
    }

    static String csvLine(AuditEntry entry) {
        var actor = entry.actor();
        return Csv.line(List.of(Long.toString(entry.position()), entry.at().toString(), entry.type(), actor.kind().wireName(),
                actor.id().orElse(""), actor.handle().orElse(""), entry.channel().wireName(),
                entry.address().map(RemoteAddress::value).orElse(""), entry.session().map(Object::toString).orElse(""),
                entry.subject().map(Object::toString).orElse(""), entry.subjectHandle().map(h -> h.value()).orElse(""),
                entry.summary()));
    }
}
