package dev.scrollback.adapters.web.admin;

import dev.scrollback.adapters.web.Routes;
import dev.scrollback.adapters.web.shared.Api;
import dev.scrollback.adapters.web.accounts.Authentication;
import dev.scrollback.adapters.web.shared.JsonBody;
import dev.scrollback.adapters.web.shared.RequestOrigin;
import dev.scrollback.application.presence.KickSession;
import dev.scrollback.domain.shared.Handle;
import dev.scrollback.domain.shared.RemoteAddress;
import dev.scrollback.domain.shared.SessionId;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A sysop sees a caller's live sessions and ends one with a message the caller is shown:
 * {@code GET /api/v1/admin/users/{handle}/sessions}, {@code POST /api/v1/admin/users/{handle}/sessions/{id}/end}
 * {@code {message?}}. The sysop role is checked by the use case.
 */
public final class AdminSessionRoutes implements Routes {
    private final KickSession kickSession;
    private final Authentication authentication;

    public AdminSessionRoutes(KickSession kickSession, Authentication authentication) {
        this.kickSession = kickSession;
        this.authentication = authentication;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/api/v1/admin/users/{handle}/sessions", this::list);
        routes.post("/api/v1/admin/users/{handle}/sessions/{id}/end", this::end);
    }

    @Override
    public void describe(Api api) {
        api.get("/api/v1/admin/users/{handle}/sessions").summary("Sysop: a member's open sessions").authenticated()
                .answers(200, Sessions.class).problems(403, 404);
        api.post("/api/v1/admin/users/{handle}/sessions/{id}/end").summary("Sysop: end (kick) one of a member's sessions")
                .authenticated().optionalBody(EndRequest.class).answers(204).problems(400, 403, 404);
    }

    private void list(Context ctx) {
        var sessions = kickSession.sessionsOf(authentication.caller(ctx), new Handle(ctx.pathParam("handle"))).stream()
                .map(s -> new Session(s.session().toString(), s.channel().wireName(),
                        s.address().map(RemoteAddress::value).orElse(null), s.since()))
                .toList();
        ctx.json(new Sessions(sessions));
    }

    private void end(Context ctx) {
        var sysop = authentication.caller(ctx);
        var body = ctx.body().isBlank() ? new EndRequest(null) : JsonBody.read(ctx, EndRequest.class);
        kickSession.kick(sysop, new Handle(ctx.pathParam("handle")), SessionId.parse(ctx.pathParam("id")),
                Optional.ofNullable(body.message()), RequestOrigin.of(ctx));
        ctx.status(204);
    }

    /** The JSON body; {@code message} may be absent. */
    record EndRequest(String message) {}

    record Sessions(List<Session> sessions) {}

    record Session(String id, String channel, String address, Instant since) {}
}
