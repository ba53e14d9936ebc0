package dev.scrollback.bootstrap;

import dev.scrollback.adapters.persistence.cluster.RedisSharedPresence;
import dev.scrollback.adapters.persistence.shared.EventStore;
import dev.scrollback.adapters.web.health.ReadinessCheck;
import dev.scrollback.application.presence.EndLostSessions;
import dev.scrollback.application.presence.EndOrphanedSessions;
import dev.scrollback.application.presence.OnlineCallers;
import dev.scrollback.application.presence.PublishPresence;
import dev.scrollback.application.presence.SessionsServedHere;
import dev.scrollback.application.presence.SharedPresence;
import dev.scrollback.application.sessions.EndSession;
import dev.scrollback.application.sessions.SessionActivity;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Several instances (SPEC §6, decision 0013): with {@code SCROLLBACK_REDIS_URL} set, presence is shared through Redis
 * and commits wake the other instances' followers; without it this instance is alone (the embedded default). Either
 * way the start-up and shutdown session policies follow from which it is. Only a serving process takes part.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = ScrollbackApplication.Mode.PROPERTY, havingValue = "serve", matchIfMissing = true)
class ClusterWiring {
    /** How often each instance publishes its presence (its heartbeat) and looks for lost sessions: well inside the TTL. */
    static final Duration PUBLISH_EVERY = Duration.ofSeconds(3);
    private static final Logger LOG = LoggerFactory.getLogger(ClusterWiring.class);

    @Bean(destroyMethod = "close")
    Instances instances(Settings settings, EventStore store) {
        var instances = settings.redis()
                .map(redis -> Instances.throughRedis(redis, store, RedisSharedPresence.Timings.DEFAULT))
                .orElseGet(Instances::alone);
        instances.where().ifPresent(where -> LOG.info("Instance {} shares presence through Redis at {}", instances.id(), where));
        return instances;
    }

    @Bean
    SharedPresence sharedPresence(Instances instances) {
        return instances.presence();
    }

    @Bean
    EndOrphanedSessions endOrphanedSessions(OnlineCallers online, EndSession endSession, Instances instances) {
        return instances.shared() ? new EndOrphanedSessions(online, endSession, instances.presence())
                : new EndOrphanedSessions(online, endSession);
    }

    @Bean
    SessionsServedHere sessionsServedHere(OnlineCallers online, SessionActivity activity, Instances instances) {
        return instances.shared() ? new SessionsServedHere(online, activity, instances.presence()) : new SessionsServedHere(online);
    }

    @Bean
    PresenceSchedule presenceSchedule(Instances instances, SessionActivity activity, OnlineCallers online,
                                      EndSession endSession, Clock clock) {
        return new PresenceSchedule(instances, new PublishPresence(activity, online, instances.presence(), clock),
                new EndLostSessions(online, instances.presence(), endSession), PUBLISH_EVERY);
    }

    /** Not ready while the Redis the instances share cannot be reached (none without Redis). */
    @Bean
    ReadinessCheck redisReadiness(Instances instances) {
        return instances.shared() ? new ReadinessCheck("redis", instances::reachable) : null;
    }
}
