package dev.scrollback.adapters.web;

import dev.scrollback.adapters.web.shared.Api;
import io.javalin.config.RoutesConfig;

/** One capability's endpoints (and the problems its rejections become), added to the server's routing table. */
@FunctionalInterface
public interface Routes {
    void addTo(RoutesConfig routes);

    /**
     * Describes each endpoint {@link #addTo} adds, for the OpenAPI document (SPEC §4). Tests fail when the two
     * disagree, so write the description next to the registration.
     */
    default void describe(Api api) {}
}
