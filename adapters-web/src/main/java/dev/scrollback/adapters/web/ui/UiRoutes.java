package dev.scrollback.adapters.web.ui;

import dev.scrollback.adapters.web.Routes;
import dev.scrollback.adapters.web.shared.Api;
import dev.scrollback.adapters.web.shared.ClassPathFiles;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * The web pages (SPEC §4): one static page at {@code /} with one script and one style sheet, a light client of the
 * REST API (boards, threads, compose, who's online). There is no server-side template and no build step: the three
 * files are fixed class-path resources, served from a fixed list of paths (nothing taken from the request names a
 * file). The script writes every caller's text with {@code textContent}, never as markup, so the page's policy can
 * admit only this server's script and style and nothing inline.
 */
public final class UiRoutes implements Routes {
    /**
     * The page's policy, replacing the API's {@code default-src 'none'} for the page only: script, style and fetches
     * from this server; nothing inline, nothing framed, no form posts anywhere (the script sends the forms itself).
     */
    static final String PAGE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
            + "img-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    private static final String RESOURCES = "dev/scrollback/adapters/web/ui/";

    private final byte[] page = ClassPathFiles.read(RESOURCES + "index.html");
    private final byte[] script = ClassPathFiles.read(RESOURCES + "app.js");
    private final byte[] style = ClassPathFiles.read(RESOURCES + "app.css");

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/", ctx -> {
            ctx.header("Content-Security-Policy", PAGE_POLICY);
            serve(ctx, "text/html; charset=utf-8", page);
        });
        routes.get("/ui/app.js", ctx -> serve(ctx, "text/javascript; charset=utf-8", script));
        routes.get("/ui/app.css", ctx -> serve(ctx, "text/css; charset=utf-8", style));
    }

    @Override
    public void describe(Api api) {
        api.get("/").summary("The web pages: boards, threads, mail and who's online (a client of this API)")
                .answers(200, "text/html");
        api.get("/ui/app.js").summary("The web pages' script").answers(200, "text/javascript");
        api.get("/ui/app.css").summary("The web pages' style sheet").answers(200, "text/css");
    }

    private static void serve(Context ctx, String type, byte[] body) {
        ctx.contentType(type).result(body);
    }

}
