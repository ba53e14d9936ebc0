package dev.scrollback.adapters.web.presence;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.scrollback.adapters.web.Routes;
import dev.scrollback.adapters.web.shared.Api;
import dev.scrollback.adapters.web.accounts.Authentication;
import dev.scrollback.application.shared.Activity;
import dev.scrollback.application.presence.WhoIsOnline;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Who's online across telnet and web: {@code GET /api/v1/presence}. */
public final class PresenceRoutes implements Routes {
    private final WhoIsOnline whoIsOnline;
    private final Authentication authentication;

    public PresenceRoutes(WhoIsOnline whoIsOnline, Authentication authentication) {
        this.whoIsOnline = whoIsOnline;
        this.authentication = authentication;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/api/v1/presence", this::online);
    }

    @Override
    public void describe(Api api) {
        api.get("/api/v1/presence").summary("Who is online").authenticated().answers(200, Presence.class);
    }

    private void online(Context ctx) {
        var online = whoIsOnline.whoIsOnline(authentication.caller(ctx)).stream()
                .map(o -> new OnlineCaller(o.handle().value(), o.channel().wireName(), o.since(),
                        o.doing().map(Activity::description), o.idle().map(Duration::toSeconds)))
                .toList();
        ctx.json(new Presence(online));
    }

    record Presence(List<OnlineCaller> online) {}

    /** {@code doing} and {@code idleSeconds} are absent where the session's instance has not said. */
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    record OnlineCaller(String handle, String channel, Instant since, Optional<String> doing, Optional<Long> idleSeconds) {}
}
