package dev.scrollback.adapters.web.feed;

import com.fasterxml.jackson.annotation.JsonRawValue;
import dev.scrollback.adapters.web.Routes;
import dev.scrollback.adapters.web.shared.Api;
import dev.scrollback.adapters.web.accounts.Authentication;
import dev.scrollback.adapters.web.shared.ValidationFailed;
import dev.scrollback.application.feed.FeedItem;
import dev.scrollback.application.feed.ReadFeed;
import dev.scrollback.application.shared.Actor;
import dev.scrollback.application.shared.Origin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The global event feed (SPEC §4): {@code GET /api/v1/events?after=P&limit=N}. Each event's {@code data} is the stored
 * JSON, written into the page as it is: never parsed and serialized again (SPEC §3).
 */
public final class FeedRoutes implements Routes {
    private final ReadFeed readFeed;
    private final Authentication authentication;

    public FeedRoutes(ReadFeed readFeed, Authentication authentication) {
        this.readFeed = readFeed;
        this.authentication = authentication;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/api/v1/events", this::events);
    }

    @Override
    public void describe(Api api) {
        api.get("/api/v1/events").summary("The event feed after a position, for integrators").authenticated()
                .query("after", "limit").answers(200, Page.class).problems(400, 403);
    }

    private void events(Context ctx) {
        var caller = authentication.caller(ctx);
        long after = whole(ctx, "after", 0, "must be 0 or a position (a whole number)");
        long limit = whole(ctx, "limit", ReadFeed.DEFAULT_LIMIT, "must be a whole number from 1 to " + ReadFeed.MAX_LIMIT);
        if (limit < 1 || limit > ReadFeed.MAX_LIMIT) {
            throw ValidationFailed.field("limit", "must be a whole number from 1 to " + ReadFeed.MAX_LIMIT);
        }
        var page = readFeed.read(caller, after, (int) limit);
        ctx.json(new Page(page.events().stream().map(Event::of).toList(), page.next()));
    }

    private static long whole(Context ctx, String name, long otherwise, String complaint) {
        var text = ctx.queryParam(name);
        if (text == null || text.isEmpty()) return otherwise;
        if (text.length() > 19 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) throw ValidationFailed.field(name, complaint);
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException tooLarge) {
            throw ValidationFailed.field(name, complaint);
        }
    }

    record Page(List<Event> events, long next) {}

    public record Event(long position, UUID id, String type, int schemaVersion, String stream, long version, Instant occurredAt,
                 ActorView actor, OriginView origin, UUID correlationId, Optional<UUID> causationId,
                 @JsonRawValue String data) {
        public static Event of(FeedItem item) {
            return new Event(item.position(), item.id(), item.type(), item.schemaVersion(), item.stream().value(),
                    item.version(), item.occurredAt(), ActorView.of(item.actor()), OriginView.of(item.origin()),
                    item.correlationId(), item.causationId(), item.data().value());
        }
    }

    public record ActorView(String kind, Optional<String> id, Optional<String> handle) {
        static ActorView of(Actor actor) {
            return new ActorView(actor.kind().wireName(), actor.id(), actor.handle());
        }
    }

    public record OriginView(String channel, Optional<String> address, Optional<String> sessionId) {
        static OriginView of(Origin origin) {
            return new OriginView(origin.channel().wireName(), origin.address().map(Object::toString),
                    origin.session().map(Object::toString));
        }
    }
}
