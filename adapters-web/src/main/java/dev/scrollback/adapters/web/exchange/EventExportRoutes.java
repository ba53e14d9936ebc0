package dev.scrollback.adapters.web.exchange;

import dev.scrollback.adapters.web.Routes;
import dev.scrollback.adapters.web.accounts.Authentication;
import dev.scrollback.adapters.web.shared.Api;
import dev.scrollback.adapters.web.shared.ValidationFailed;
import dev.scrollback.application.exchange.ExportEvents;
import dev.scrollback.application.exchange.ExportFormat;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * {@code GET /api/v1/events/export?format=ndjson|cloudevents&after=P} (issue 7, decision 0023): the stored log after
 * a position, every column as stored, one JSON line per event, streamed a page at a time (never the whole log in
 * memory). The same bytes as {@code java -jar scrollback.jar export}. Sysops and auditors; an API key needs
 * {@code events:read} on such an account. Access is checked before any byte is sent.
 */
public final class EventExportRoutes implements Routes {
    static final String PATH = "/api/v1/events/export";

    private final ExportEvents exportEvents;
    private final Authentication authentication;

    public EventExportRoutes(ExportEvents exportEvents, Authentication authentication) {
        this.exportEvents = exportEvents;
        this.authentication = authentication;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get(PATH, this::export);
    }

    @Override
    public void describe(Api api) {
        api.get(PATH).summary("The whole log as NDJSON or CloudEvents 1.0 JSON lines, every stored column (sysops and auditors)")
                .authenticated().query("format", "after").answers(200, "application/x-ndjson").problems(400, 403);
    }

    private void export(Context ctx) {
        var caller = authentication.caller(ctx);
        var format = ExportFormat.of(emptyAsAbsent(ctx.queryParam("format")))
                .orElseThrow(() -> ValidationFailed.field("format", "must be ndjson or cloudevents"));
        long after = position(ctx.queryParam("after"));
        var export = exportEvents.open(caller, after, format);
        ctx.contentType(format.mediaType());
        ctx.header("Content-Disposition", "attachment; filename=\"events." + format.wireName() + ".jsonl\"");
        try {
            export.writeTo(ctx.outputStream());
        } catch (IOException e) {
            throw new UncheckedIOException("the event export could not be written", e);
        }
    }

    private static String emptyAsAbsent(String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    private static long position(String text) {
        if (text == null || text.isEmpty()) return 0;
        if (text.length() > 18 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw ValidationFailed.field("after", "must be 0 or a position (a whole number)");
        }
        return Long.parseLong(text);
    }
}
