package dev.scrollback.bootstrap;

import dev.scrollback.adapters.persistence.shared.EventStore;
import dev.scrollback.adapters.web.Routes;
import dev.scrollback.adapters.web.accounts.Authentication;
import dev.scrollback.adapters.web.live.LiveRoutes;
import dev.scrollback.application.live.LiveHub;
import dev.scrollback.application.live.LiveInterests;
import dev.scrollback.application.live.LiveSource;
import dev.scrollback.application.live.Signal;
import dev.scrollback.application.live.SignalBus;
import dev.scrollback.application.presence.OnlineCallers;
import dev.scrollback.application.sessions.SessionActivity;
import dev.scrollback.application.live.TypingSignals;
import dev.scrollback.adapters.persistence.live.InMemorySignalBus;
import java.time.Clock;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
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

    /** Typing and presence heartbeats: through Redis to every instance when there is one, else on this instance. */
    @Bean
    SignalBus signalBus(ObjectProvider<Instances> instances, SessionActivity activity, OnlineCallers online) {
        var bus = Optional.ofNullable(instances.getIfAvailable()).map(Instances::signals)
                .orElseGet(InMemorySignalBus::new);
        // presence heartbeats: each change of what a session here is doing, to every live client (not an event)
        activity.onChange(presence -> online.session(presence.session()).ifPresent(started ->
                bus.publish(new Signal.Doing(presence.session(), started.handle(), presence.activity()))));
        return bus;
    }

    @Bean
    Routes liveRoutes(Authentication authentication, LiveHub hub, LiveInterests interests, TypingSignals typing,
                      Clock clock) {
        return new LiveRoutes(authentication, hub, interests, typing, clock);
    }
}
