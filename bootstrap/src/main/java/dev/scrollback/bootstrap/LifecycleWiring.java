package dev.scrollback.bootstrap;

import dev.scrollback.adapters.persistence.shared.Projections;
import dev.scrollback.adapters.telnet.TelnetServer;
import dev.scrollback.adapters.web.WebServer;
import dev.scrollback.application.live.LiveHub;
import dev.scrollback.application.live.SessionEndingsHere;
import dev.scrollback.application.presence.EndOrphanedSessions;
import dev.scrollback.application.presence.ExpireIdleSessions;
import dev.scrollback.application.presence.SessionsServedHere;
import dev.scrollback.application.sessions.EndSession;
import dev.scrollback.application.plugins.PluginRuntime;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Only a serving process opens listeners; an admin command opens the store, acts, and exits. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = ScrollbackApplication.Mode.PROPERTY, havingValue = "serve", matchIfMissing = true)
class LifecycleWiring {

    @Bean
    ServerLifecycle serverLifecycle(Settings settings, Projections projections, EndOrphanedSessions endOrphans,
                                    FirstSysop firstSysop, TelnetServer telnet, WebServer web, SessionsServedHere servedHere,
                                    EndSession endSession, ExpireIdleSessions expireIdle, LiveHub live,
                                    SessionEndingsHere endingsHere,
                                    PresenceSchedule presence, PluginRuntime plugins) {
        return new ServerLifecycle(settings, projections, endOrphans, firstSysop, telnet, web, servedHere, endSession,
                expireIdle, live, endingsHere, presence, plugins);
    }
}
