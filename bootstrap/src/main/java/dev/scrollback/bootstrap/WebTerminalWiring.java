package dev.scrollback.bootstrap;

import dev.scrollback.adapters.web.Routes;
import dev.scrollback.adapters.web.terminal.TerminalRoutes;
import dev.scrollback.adapters.web.terminal.WebTerminalSettings;
import dev.scrollback.application.sessions.SessionActivity;
import dev.scrollback.application.shared.RateLimiter;
import dev.scrollback.application.terminal.Terminals;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The web terminal (SPEC §2): adapters-web's page and socket, handed the {@link Terminals} bean that adapters-telnet
 * implements (TelnetWiring), so a browser caller gets the very same session engine without either adapter knowing the
 * other. Sockets per address are counted by the shared rate limiter, like telnet connections.
 */
@Configuration(proxyBeanMethods = false)
class WebTerminalWiring {

    @Bean
    Routes webTerminalRoutes(Terminals terminals, SessionActivity activity, RateLimiter limiter, Settings settings,
                             Clock clock) {
        var terminal = WebTerminalSettings.defaults(clock)
                .withMaxSessions(settings.maxTelnetSessions())
                .withPublicOrigin(settings.publicUrl());
        return new TerminalRoutes(terminals, activity, limiter, terminal);
    }
}
