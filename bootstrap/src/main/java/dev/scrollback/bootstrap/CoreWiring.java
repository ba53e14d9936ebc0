package dev.scrollback.bootstrap;

import dev.scrollback.adapters.persistence.shared.EventStore;
import dev.scrollback.adapters.persistence.shared.Projections;
import dev.scrollback.adapters.persistence.shared.StoreSettings;
import dev.scrollback.application.accounts.AccountDirectory;
import dev.scrollback.application.accounts.ApiKeyIndex;
import dev.scrollback.application.accounts.PasswordResetIndex;
import dev.scrollback.application.audit.AuditTrail;
import dev.scrollback.application.history.BoardThreads;
import dev.scrollback.application.boards.Boards;
import dev.scrollback.application.boards.MessageSearchFeed;
import dev.scrollback.application.chat.ChatRooms;
import dev.scrollback.application.feed.EventFeed;
import dev.scrollback.application.mail.Mailboxes;
import dev.scrollback.application.plugins.PluginRuntime;
import dev.scrollback.application.plugins.Plugins;
import dev.scrollback.application.presence.OnlineCallers;
import dev.scrollback.application.shared.AppendedHere;
import dev.scrollback.application.shared.EventLog;
import dev.scrollback.application.shared.NotifyingEventLog;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Settings, the clock, and the event store with the processors that feed the projections. */
@Configuration(proxyBeanMethods = false)
class CoreWiring {

    @Bean
    Settings settings(Environment environment) {
        return Settings.from(environment);
    }

    /** The system clock, unless a test started the application on a clock of its own. */
    @Bean
    @ConditionalOnMissingBean(Clock.class)
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean(destroyMethod = "close")
    EventStore eventStore(Settings settings) {
        StoreSettings store = settings.database()
                .<StoreSettings>map(db -> new StoreSettings.Postgres(db.url(), db.user(), db.password()))
                .orElseGet(() -> new StoreSettings.Embedded(settings.dataDirectory()));
        return EventStore.open(store);
    }

    /** The store's log, telling what this instance appends to those who act once per event (plugin triggers). */
    @Bean
    EventLog eventLog(EventStore store, AppendedHere appendedHere) {
        return new NotifyingEventLog(store.eventLog(), appendedHere);
    }

    @Bean
    EventFeed eventFeed(EventStore store) {
        return store.eventFeed();
    }

    /** Starts replaying the log into the projections; {@link ServerLifecycle} waits for it to catch up. */
    @Bean(destroyMethod = "close")
    Projections projections(EventStore store, OnlineCallers online, AccountDirectory directory, ApiKeyIndex apiKeys,
                            PasswordResetIndex passwordResets, Boards boards, MessageSearchFeed messageSearch,
                            Mailboxes mailboxes, ChatRooms chatRooms, Plugins plugins,
                            PluginRuntime pluginRuntime, AuditTrail auditTrail, BoardThreads boardThreads, Clock clock) {
        return Projections.start(store, ProjectionCatalog.of(online, directory, passwordResets, boards, messageSearch,
                mailboxes, chatRooms, apiKeys, auditTrail, boardThreads, plugins, pluginRuntime::feed), clock);
    }
}
