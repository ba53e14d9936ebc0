package dev.scrollback.adapters.web;

import dev.scrollback.adapters.web.shared.BodyLimits;
import dev.scrollback.adapters.web.shared.HardenedJetty;
import dev.scrollback.adapters.web.shared.Json;
import dev.scrollback.adapters.web.shared.ProblemMapping;
import dev.scrollback.adapters.web.shared.RouteLimit;
import dev.scrollback.adapters.web.shared.RouteLimiting;
import dev.scrollback.application.shared.RateLimiter;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.server.NetworkConnector;

/**
 * The HTTP server: Javalin on Jetty, with the given routes, per-address rate limits in front of them, a bounded body
 * for every request (the settings' limit, or a route's own), problem details for every error, and hardened headers.
 */
public final class WebServer {
    private final Javalin app;

    private WebServer(Javalin app) {
        this.app = app;
    }

    /** Without rate limits (tests of single capabilities). */
    public static WebServer create(WebSettings settings, List<Routes> routes) {
        return create(settings, routes, (limit, key) -> {
            throw new IllegalStateException("no route is limited");
        }, List.of());
    }

    /** With {@code limits} (first match applies, e.g. {@link RouteLimit#defaults()}) counted by {@code limiter}. */
    public static WebServer create(WebSettings settings, List<Routes> routes, RateLimiter limiter, List<RouteLimit> limits) {
        var all = List.copyOf(routes);
        var limiting = new RouteLimiting(limiter, limits);
        var bodies = new BodyLimits(settings.maxBodyBytes(), all.stream().flatMap(r -> r.bodyLimits().stream()).toList());
        return new WebServer(Javalin.create(config -> {
            config.jetty.host = settings.host();
            config.jetty.port = settings.port();
            config.jetty.modifyServer(HardenedJetty::configure);
            config.jetty.modifyServletContextHandler(handler -> handler.addFilter(new FilterHolder(bodies.filter()), "/*",
                    EnumSet.of(DispatcherType.REQUEST)));
            config.http.maxRequestSize = bodies.largest();       // Javalin's one limit; each route's is the filter's
            config.http.prefer405over404 = true;                 // a wrong method on a known path says so
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.startup.startupWatcherEnabled = false;
            config.jsonMapper(new JavalinJackson(Json.mapper(), false));
            config.router.handlerWrapper(ProblemMapping::catchingErrors);
            config.router.javaLangErrorHandler(ProblemMapping::fatal);
            config.routes.before(limiting::check);               // first: a refused caller costs nothing more
            config.routes.before(bodies::refuseDeclared);        // a declared oversize body, before reading it
            ProblemMapping.addTo(config.routes, bodies);
            all.forEach(r -> r.addTo(config.routes));
        }));
    }

    /** Every endpoint as {@code METHOD /path}, in the order added (for logs and for tests that visit them all). */
    public List<String> endpoints() {
        return app.unsafe.internalRouter.allHttpHandlers().stream()
                .filter(parsed -> parsed.endpoint.method.isHttpMethod())
                .map(parsed -> parsed.endpoint.method.name() + " " + parsed.endpoint.path)
                .toList();
    }

    public WebServer start() {
        app.start();
        return this;
    }

    /** The port it listens on (the one picked when the settings said 0). */
    public int port() {
        if (!isListening()) throw new IllegalStateException("the web server is not listening");
        return app.port();
    }

    public boolean isListening() {
        var server = app.jettyServer().server();
        return server.isStarted()
                && server.getConnectors().length > 0
                && server.getConnectors()[0] instanceof NetworkConnector c && c.isOpen();
    }

    public void stop() {
        app.stop();
    }
}
