package dev.scrollback.adapters.web.shared;

import dev.scrollback.application.shared.Origin;
import dev.scrollback.domain.shared.Channel;
import dev.scrollback.domain.shared.InvalidValue;
import dev.scrollback.domain.shared.RemoteAddress;
import io.javalin.http.Context;
import java.util.Optional;

/** Where a web request came from (SPEC §3 origin): channel web and the bare client IP. */
public final class RequestOrigin {
    private RequestOrigin() {}

    /** Add the session with {@link Origin#inSession} once the caller is known. */
    public static Origin of(Context ctx) {
        return new Origin(Channel.WEB, address(ctx), Optional.empty());
    }

    private static Optional<RemoteAddress> address(Context ctx) {
        try {
            return Optional.of(RemoteAddress.lenient(ctx.ip()));
        } catch (InvalidValue notAnIp) {                      // e.g. a unix socket: record no address rather than fail
            return Optional.empty();
        }
    }
}
