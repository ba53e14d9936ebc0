package dev.scrollback.adapters.web.admin;

import dev.scrollback.adapters.web.Routes;
import dev.scrollback.adapters.web.accounts.Authentication;
import dev.scrollback.adapters.web.shared.Api;
import dev.scrollback.adapters.web.shared.Problem;
import dev.scrollback.application.projections.ProjectionStatus;
import dev.scrollback.application.projections.RebuildProgress;
import dev.scrollback.application.projections.RebuildProgress.Outcome;
import dev.scrollback.application.projections.RebuildProjections;
import dev.scrollback.application.projections.RebuildRejected;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;

/**
 * Sysops and their projections: {@code GET /api/v1/admin/projections} lists each with its position, the log's head,
 * the lag and what it is doing; {@code POST /api/v1/admin/projections/{name}/rebuild} rebuilds one from position 0
 * beside the live one (202, its progress at the {@code Location}); {@code GET} there shows that progress and, once
 * finished, the outcome: identical to the live state, or the first difference, or where it failed. Positions are
 * global positions of the log. The sysop role (an API key's {@code admin} scope) is checked by the use case.
 */
public final class AdminProjectionRoutes implements Routes {
    static final String LIST = "/api/v1/admin/projections";
    static final String REBUILD = "/api/v1/admin/projections/{name}/rebuild";

    private final RebuildProjections rebuildProjections;
    private final Authentication authentication;

    public AdminProjectionRoutes(RebuildProjections rebuildProjections, Authentication authentication) {
        this.rebuildProjections = rebuildProjections;
        this.authentication = authentication;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get(LIST, this::list);
        routes.post(REBUILD, this::rebuild);
        routes.get(REBUILD, this::progress);
        routes.exception(RebuildRejected.class, (e, ctx) -> problem(e.reason()).writeTo(ctx));
    }

    @Override
    public void describe(Api api) {
        api.get(LIST).summary("Sysop: the projections, with their position, the head, lag and state").authenticated()
                .answers(200, Projections.class).problems(403);
        api.post(REBUILD).summary("Sysop: rebuild a projection from position 0 while the server keeps serving")
                .authenticated().answers(202, Progress.class).problems(403, 404, 409);
        api.get(REBUILD).summary("Sysop: the progress and outcome of a projection's latest rebuild").authenticated()
                .answers(200, Progress.class).problems(403, 404);
    }

    private void list(Context ctx) {
        var caller = authentication.caller(ctx);
        ctx.json(new Projections(rebuildProjections.list(caller).stream().map(Listed::of).toList()));
    }

    private void rebuild(Context ctx) {
        var caller = authentication.caller(ctx);
        var name = ctx.pathParam("name");
        var started = rebuildProjections.rebuild(caller, name);
        ctx.header("Location", REBUILD.replace("{name}", started.projection()));
        ctx.status(202).json(Progress.of(started));
    }

    private void progress(Context ctx) {
        var caller = authentication.caller(ctx);
        var name = ctx.pathParam("name");
        var latest = rebuildProjections.progress(caller, name);
        if (latest.isEmpty()) {
            Problem.forStatus(404).withDetail("The projection has not been rebuilt since the server started.").writeTo(ctx);
            return;
        }
        ctx.json(Progress.of(latest.get()));
    }

    static Problem problem(RebuildRejected.Reason reason) {
        return switch (reason) {
            // the name asked for is not echoed back: the known ones say enough
            case RebuildRejected.Reason.UnknownProjection unknown -> Problem.of("unknown-projection", "Unknown projection",
                    404, "There is no projection of that name; the projections are " + String.join(", ", unknown.known()) + ".");
            case RebuildRejected.Reason.AlreadyRebuilding running -> Problem.of("rebuild-running", "Rebuild running", 409,
                    "The projection " + running.name() + " is being rebuilt already; follow that rebuild at its location.");
            case RebuildRejected.Reason.NotRebuildable none -> Problem.of("not-rebuildable", "Not rebuildable", 409,
                    "The projection " + none.name() + " keeps no state of its own to rebuild.");
        };
    }

    record Projections(List<Listed> projections) {}

    /** {@code state}: replaying, following or failing; {@code lastRebuild} is null when it had none since start. */
    record Listed(String name, long position, long head, long lag, String state, boolean rebuildable, Progress lastRebuild) {
        static Listed of(ProjectionStatus s) {
            return new Listed(s.name(), s.position(), s.head(), s.lag(), s.state().wireName(), s.rebuildable(),
                    s.lastRebuild().map(Progress::of).orElse(null));
        }
    }

    /**
     * A rebuild: {@code reached} is the global position read to out of {@code head} (the log's last position when it
     * started); {@code outcome} is running, identical, differed or failed, with {@code position} where it was swapped
     * in (or failed), the snapshots' digests and {@code firstDifference} or {@code failure} as they apply.
     */
    record Progress(String projection, String outcome, Instant startedAt, Instant finishedAt, long head, long reached,
                    long events, double eventsPerSecond, Long position, String digest, Integer lines,
                    String liveDigest, String firstDifference, String failure) {
        static Progress of(RebuildProgress p) {
            var finished = p.finishedAt().orElse(null);
            return switch (p.outcome()) {
                case Outcome.Running r -> new Progress(p.projection(), r.wireName(), p.startedAt(), finished, p.head(),
                        p.reached(), p.events(), p.eventsPerSecond(), null, null, null, null, null, null);
                case Outcome.Identical i -> new Progress(p.projection(), i.wireName(), p.startedAt(), finished, p.head(),
                        p.reached(), p.events(), p.eventsPerSecond(), i.position(), i.digest(), i.lines(), i.digest(), null, null);
                case Outcome.Differed d -> new Progress(p.projection(), d.wireName(), p.startedAt(), finished, p.head(),
                        p.reached(), p.events(), p.eventsPerSecond(), d.position(), d.rebuiltDigest(), null, d.liveDigest(),
                        d.firstDifference(), null);
                case Outcome.Failed f -> new Progress(p.projection(), f.wireName(), p.startedAt(), finished, p.head(),
                        p.reached(), p.events(), p.eventsPerSecond(), f.position(), null, null, null, null, f.reason());
            };
        }
    }
}
