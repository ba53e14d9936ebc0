package dev.scrollback.bootstrap;

import dev.scrollback.adapters.crypto.webhooks.HmacWebhookSigning;
import dev.scrollback.adapters.persistence.shared.EventStore;
import dev.scrollback.adapters.persistence.shared.StoreSettings;
import dev.scrollback.adapters.persistence.webhooks.JdbcWebhookStore;
import dev.scrollback.adapters.sandbox.webhooks.SocketWebhookTransport;
import dev.scrollback.adapters.web.Routes;
import dev.scrollback.adapters.web.accounts.Authentication;
import dev.scrollback.adapters.web.webhooks.AdminWebhookRoutes;
import dev.scrollback.adapters.web.webhooks.FeedItemPayloads;
import dev.scrollback.application.feed.EventFeed;
import dev.scrollback.application.shared.AppendedHere;
import dev.scrollback.application.shared.EventLog;
import dev.scrollback.application.webhooks.ManageWebhooks;
import dev.scrollback.application.webhooks.WebhookDispatcher;
import dev.scrollback.application.webhooks.WebhookPolicy;
import dev.scrollback.application.webhooks.WebhookSigning;
import dev.scrollback.application.webhooks.WebhookTransport;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Webhooks (issue 7 item 6, decision 0022): the subscription table beside the events, Standard Webhooks signing, the
 * socket transport (public addresses only unless {@code SCROLLBACK_WEBHOOK_ALLOW_PRIVATE}), the dispatcher, the
 * sysop's routes, and — in a serving process — the schedule that delivers. The use case is scanned.
 */
@Configuration(proxyBeanMethods = false)
class WebhooksWiring {

    @Bean
    WebhookSettings webhookSettings(Environment environment) {
        return WebhookSettings.from(environment);
    }

    /** Takes the event store so that it opens after it and closes before it: on H2 they share one database. */
    @Bean(destroyMethod = "close")
    JdbcWebhookStore webhookStore(Settings settings, EventStore events) {
        StoreSettings where = settings.database()
                .<StoreSettings>map(db -> new StoreSettings.Postgres(db.url(), db.user(), db.password()))
                .orElseGet(() -> new StoreSettings.Embedded(settings.dataDirectory()));
        return JdbcWebhookStore.open(where);
    }

    @Bean
    WebhookTransport webhookTransport(WebhookSettings settings) {
        return new SocketWebhookTransport(SocketWebhookTransport.Limits.STANDARD.allowingPrivateAddresses(
                settings.allowPrivateAddresses()));
    }

    @Bean
    WebhookSigning webhookSigning() {
        return new HmacWebhookSigning();
    }

    /** Each process is its own lease holder: a fresh id per start, so a restarted instance never inherits a lease. */
    @Bean
    WebhookDispatcher webhookDispatcher(JdbcWebhookStore store, EventFeed feed, WebhookTransport transport,
                                        WebhookSigning signing, EventLog log, Clock clock) {
        return new WebhookDispatcher(store, feed, transport, signing, new FeedItemPayloads(), log, clock,
                WebhookPolicy.STANDARD, new SecureRandom(), "instance-" + UUID.randomUUID());
    }

    @Bean
    Routes adminWebhookRoutes(ManageWebhooks manage, Authentication auth) {
        return new AdminWebhookRoutes(manage, auth);
    }

    @Bean
    @ConditionalOnProperty(name = ScrollbackApplication.Mode.PROPERTY, havingValue = "serve", matchIfMissing = true)
    WebhookSchedule webhookSchedule(WebhookDispatcher dispatcher, AppendedHere appended, WebhookSettings settings) {
        return new WebhookSchedule(dispatcher, appended, settings.poll(), settings.workers());
    }
}
