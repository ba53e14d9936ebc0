package dev.scrollback.adapters.web;

import dev.scrollback.adapters.web.shared.Api;
import dev.scrollback.adapters.web.shared.BodyLimit;
import io.javalin.config.RoutesConfig;
import java.util.List;

/** One capability's endpoints (and the problems its rejections become), added to the server's routing table. */
@FunctionalInterface
public interface Routes {
    void addTo(RoutesConfig routes);

    /**
     * Describes each endpoint {@link #addTo} adds, for the OpenAPI document (SPEC §4). Tests fail when the two
     * disagree, so write the description next to the registration.
     */
    default void describe(Api api) {}

    /** The routes among those {@link #addTo} adds that take bodies larger (or smaller) than the server's limit. */
    default List<BodyLimit> bodyLimits() {
        return List.of();
    }
}
