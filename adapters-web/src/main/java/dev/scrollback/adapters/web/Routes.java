package dev.scrollback.adapters.web;

import io.javalin.config.RoutesConfig;

/** One capability's endpoints (and the problems its rejections become), added to the server's routing table. */
@FunctionalInterface
public interface Routes {
    void addTo(RoutesConfig routes);
}
