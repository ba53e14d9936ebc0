package dev.scrollback.bootstrap;

import dev.scrollback.adapters.web.Routes;
import dev.scrollback.adapters.web.ui.UiRoutes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The web pages (SPEC §4): a static client of the REST API, served at {@code /} next to it. */
@Configuration(proxyBeanMethods = false)
class WebUiWiring {

    @Bean
    Routes webUiRoutes() {
        return new UiRoutes();
    }
}
