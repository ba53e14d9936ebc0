package dev.scrollback.adapters.web.health;

import dev.scrollback.adapters.web.Routes;
import dev.scrollback.adapters.web.shared.Api;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Probes for orchestrators: {@code /health/live} answers while the process serves HTTP at all; {@code /health/ready}
 * is 200 only when every readiness check passes, else 503, listing each check either way.
 */
public final class HealthRoutes implements Routes {
    private final List<ReadinessCheck> checks;

    public HealthRoutes(List<ReadinessCheck> checks) {
        this.checks = List.copyOf(checks);
        if (checks.stream().map(ReadinessCheck::name).distinct().count() != checks.size()) {
            throw new IllegalArgumentException("readiness check names must be unique");
        }
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/health/live", ctx -> ctx.json(new Live("UP")));
        routes.get("/health/ready", this::ready);
    }

    @Override
    public void describe(Api api) {
        api.get("/health/live").summary("Liveness: the process serves HTTP").answers(200, Live.class);
        api.get("/health/ready").summary("Readiness: every check passes (503 lists the failing ones)")
                .answers(200, Ready.class).answers(503, Ready.class);
    }

    private void ready(Context ctx) {
        var results = new LinkedHashMap<String, Boolean>();
        checks.forEach(check -> results.put(check.name(), check.passes()));
        boolean up = !results.containsValue(false);
        ctx.status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).json(new Ready(up ? "UP" : "DOWN", results));
    }

    record Live(String status) {}

    record Ready(String status, Map<String, Boolean> checks) {}
}
