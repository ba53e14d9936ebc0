package dev.scrollback.bootstrap;

import dev.scrollback.adapters.persistence.shared.EventStore;
import dev.scrollback.adapters.web.Routes;
import dev.scrollback.adapters.web.accounts.Authentication;
import dev.scrollback.adapters.web.live.LiveRoutes;
import dev.scrollback.application.live.LiveHub;
import dev.scrollback.application.live.LiveInterests;
import dev.scrollback.application.live.LiveSource;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Live events (SPEC §4 {@code /ws}): the store's live source for the {@link LiveHub} (started by
 * {@link ServerLifecycle} before the listeners open), and the socket that streams them to clients.
 */
@Configuration(proxyBeanMethods = false)
class LiveWiring {

    @Bean
    LiveSource liveSource(EventStore store) {
        return store.liveSource();
    }

    @Bean
    Routes liveRoutes(Authentication authentication, LiveHub hub, LiveInterests interests, Clock clock) {
        return new LiveRoutes(authentication, hub, interests, clock);
    }
}
