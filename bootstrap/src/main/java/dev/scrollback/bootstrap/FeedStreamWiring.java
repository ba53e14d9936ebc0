package dev.scrollback.bootstrap;

import dev.scrollback.adapters.web.Routes;
import dev.scrollback.adapters.web.accounts.Authentication;
import dev.scrollback.adapters.web.feed.FeedStreamRoutes;
import dev.scrollback.application.feed.FeedTail;
import dev.scrollback.application.feed.FollowFeed;
import dev.scrollback.application.live.LiveHub;
import dev.scrollback.application.live.LiveSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The feed as Server-Sent Events ({@code GET /api/v1/events/stream}): followers read the store, and learn that the log
 * moved on from the {@link LiveHub}'s one follower of it (the same that feeds {@code /ws}), not from a follower each.
 */
@Configuration(proxyBeanMethods = false)
class FeedStreamWiring {

    @Bean
    FeedTail feedTail(LiveSource source, LiveHub hub) {
        return new FeedTail() {
            @Override
            public long lastPosition() {
                return source.lastPosition();
            }

            @Override
            public dev.scrollback.application.shared.EventLog.Subscription watch(java.util.function.LongConsumer moved) {
                return hub.follow("feed-stream-tail", event -> true, item -> moved.accept(item.position()));
            }
        };
    }

    @Bean
    Routes feedStreamRoutes(FollowFeed followFeed, Authentication auth) {
        return new FeedStreamRoutes(followFeed, auth);
    }
}
