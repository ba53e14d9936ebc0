package dev.scrollback.adapters.web.presence;

import dev.scrollback.adapters.web.Routes;
import dev.scrollback.adapters.web.shared.Api;
import dev.scrollback.adapters.web.accounts.Authentication;
import dev.scrollback.adapters.web.shared.RequestOrigin;
import dev.scrollback.application.presence.EndMySession;
import dev.scrollback.application.presence.ListMySessions;
import dev.scrollback.domain.shared.RemoteAddress;
import dev.scrollback.domain.shared.SessionId;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;

/**
 * A caller's own sessions, telnet and web: {@code GET /api/v1/me/sessions} lists them, {@code DELETE
 * /api/v1/me/sessions/{id}} ends one (a telnet caller in it is told and disconnected).
 */
public final class MySessionRoutes implements Routes {
    private final ListMySessions listMySessions;
    private final EndMySession endMySession;
    private final Authentication authentication;

    public MySessionRoutes(ListMySessions listMySessions, EndMySession endMySession, Authentication authentication) {
        this.listMySessions = listMySessions;
        this.endMySession = endMySession;
        this.authentication = authentication;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/api/v1/me/sessions", this::list);
        routes.delete("/api/v1/me/sessions/{id}", this::end);
    }

    @Override
    public void describe(Api api) {
        api.get("/api/v1/me/sessions").summary("My open sessions").authenticated().answers(200, Sessions.class);
        api.delete("/api/v1/me/sessions/{id}").summary("End one of my sessions").authenticated().answers(204).problems(400, 404);
    }

    private void list(Context ctx) {
        var sessions = listMySessions.list(authentication.caller(ctx)).stream()
                .map(s -> new Session(s.session().toString(), s.channel().wireName(),
                        s.address().map(RemoteAddress::value).orElse(null), s.since(), s.current()))
                .toList();
        ctx.json(new Sessions(sessions));
    }

    private void end(Context ctx) {
        var caller = authentication.caller(ctx);
        endMySession.end(caller, SessionId.parse(ctx.pathParam("id")), RequestOrigin.of(ctx));
        ctx.status(204);
    }

    record Sessions(List<Session> sessions) {}

    /** {@code address} is null for sessions without one (none today: telnet and web both have an address). */
    record Session(String id, String channel, String address, Instant since, boolean current) {}
}
