package dev.scrollback.adapters.web.plugins;

import dev.scrollback.adapters.web.Routes;
import dev.scrollback.adapters.web.accounts.Authentication;
import dev.scrollback.adapters.web.shared.Api;
import dev.scrollback.adapters.web.shared.Problem;
import dev.scrollback.application.plugins.PluginStatistics;
import dev.scrollback.application.plugins.PluginStats;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Sysops' figures for the plugins this instance runs (issue 6 item 5): calls, failures, faults, p50/p99, recent log. */
public final class PluginStatsRoutes implements Routes {
    static final String ALL = PluginRoutes.REGISTRY + "/stats";
    static final String ONE = PluginRoutes.PLUGIN + "/stats";

    private final PluginStatistics statistics;
    private final Authentication authentication;

    public PluginStatsRoutes(PluginStatistics statistics, Authentication authentication) {
        this.statistics = statistics;
        this.authentication = authentication;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get(ALL, ctx -> ctx.json(new AllStats(statistics.statistics(authentication.caller(ctx)).stream()
                .map(PluginStatsRoutes::view).toList())));
        routes.get(ONE, this::one);
    }

    @Override
    public void describe(Api api) {
        api.get(ALL).summary("Sysop: figures of every plugin version this instance has run (since it started)")
                .authenticated().answers(200, AllStats.class).problems(403);
        api.get(ONE).summary("Sysop: one plugin version's figures on this instance").authenticated()
                .answers(200, StatsView.class).problems(400, 403, 404);
    }

    private void one(Context ctx) {
        statistics.statistics(authentication.caller(ctx), PluginRoutes.id(ctx)).map(PluginStatsRoutes::view).ifPresentOrElse(ctx::json,
                () -> Problem.forStatus(404).withDetail("This instance has not run that plugin version.").writeTo(ctx));
    }

    private static StatsView view(PluginStats s) {
        return new StatsView(s.plugin().value().toString(), s.name().value(), s.version().toString(), s.state().wireName(),
                s.problem(), s.calls(), s.failures(), s.faults(), s.skipped(), s.p50().map(PluginStatsRoutes::micros),
                s.p99().map(PluginStatsRoutes::micros), s.recentLog());
    }

    private static double micros(Duration d) {
        return d.toNanos() / 1000.0;
    }

    /** Latencies in microseconds; absent until the plugin has been called. */
    record StatsView(String id, String name, String version, String state, Optional<String> problem, long calls,
                     long failures, long faults, long skipped, Optional<Double> p50Micros, Optional<Double> p99Micros,
                     List<String> recentLog) {}

    record AllStats(List<StatsView> plugins) {}
}
