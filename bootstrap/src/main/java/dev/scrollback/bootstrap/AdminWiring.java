package dev.scrollback.bootstrap;

import dev.scrollback.adapters.web.Routes;
import dev.scrollback.adapters.web.accounts.Authentication;
import dev.scrollback.adapters.web.admin.AdminProjectionRoutes;
import dev.scrollback.adapters.web.admin.AdminUserDirectoryRoutes;
import dev.scrollback.application.accounts.ListUsers;
import dev.scrollback.application.presence.ShowUser;
import dev.scrollback.application.projections.RebuildProjections;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Sysop tools over REST that are not part of one caller's own account: finding and inspecting users, projections. */
@Configuration(proxyBeanMethods = false)
class AdminWiring {

    @Bean
    Routes adminUserDirectoryRoutes(ListUsers listUsers, ShowUser showUser, Authentication auth) {
        return new AdminUserDirectoryRoutes(listUsers, showUser, auth);
    }

    @Bean
    Routes adminProjectionRoutes(RebuildProjections rebuildProjections, Authentication auth) {
        return new AdminProjectionRoutes(rebuildProjections, auth);
    }
}
