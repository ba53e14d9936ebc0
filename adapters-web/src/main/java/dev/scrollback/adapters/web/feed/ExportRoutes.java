package dev.scrollback.adapters.web.feed;

import dev.scrollback.adapters.web.Routes;
import dev.scrollback.adapters.web.accounts.Authentication;
import dev.scrollback.adapters.web.shared.Api;
import dev.scrollback.application.feed.ExportOwnData;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /api/v1/me/export}: the caller's own data as a download (decision 0021), one event per line
 * (NDJSON, each line shaped like an event of {@code GET /api/v1/events}): their account's stream and every event they
 * acted in, with personal values readable. For taking a copy before erasing the account.
 */
public final class ExportRoutes implements Routes {
    static final String PATH = "/api/v1/me/export";
    static final String NDJSON = "application/x-ndjson";

    private final ExportOwnData exportOwnData;
    private final Authentication authentication;

    public ExportRoutes(ExportOwnData exportOwnData, Authentication authentication) {
        this.exportOwnData = exportOwnData;
        this.authentication = authentication;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get(PATH, this::export);
    }

    @Override
    public void describe(Api api) {
        api.get(PATH).summary("Download my own data (NDJSON): my account's events and everything I did").authenticated()
                .answers(200).problems(403, 429);
    }

    private void export(Context ctx) {
        var caller = authentication.caller(ctx);
        caller.session();                                   // refuse an API key before the headers go out
        ctx.contentType(NDJSON + "; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"scrollback-" + caller.handle().key() + ".ndjson\"");
        ctx.header("Cache-Control", "no-store");             // personal data: no copy in any cache
        var out = ctx.outputStream();
        exportOwnData.export(caller, item -> {
            try {
                out.write(ctx.jsonMapper().toJsonString(FeedRoutes.Event.of(item), FeedRoutes.Event.class).getBytes(StandardCharsets.UTF_8));
                out.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException("the export download was cut off", e);
            }
        });
    }
}
