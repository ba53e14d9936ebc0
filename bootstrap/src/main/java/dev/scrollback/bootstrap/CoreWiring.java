package dev.scrollback.bootstrap;

import dev.scrollback.adapters.persistence.shared.EventStore;
import dev.scrollback.adapters.persistence.shared.Projection;
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
import dev.scrollback.domain.accounts.AccountEvent;
import dev.scrollback.domain.accounts.ApiKeyEvent;
import dev.scrollback.domain.boards.BoardsEvent;
import dev.scrollback.domain.boards.MessageEvent;
import dev.scrollback.domain.mail.PrivateMessageEvent;
import dev.scrollback.domain.plugins.PluginsEvent;
import dev.scrollback.domain.sessions.SessionEvent;
import dev.scrollback.domain.shared.DomainEvent;
import java.time.Clock;
import java.util.List;
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
                            PluginRuntime pluginRuntime, AuditTrail auditTrail, BoardThreads boardThreads) {
        return Projections.start(store, List.of(
                Projection.of("presence", SessionEvent.class, online::apply),
                Projection.of("account-directory", AccountEvent.class, directory::apply),
                Projection.of("password-resets", AccountEvent.class, passwordResets::apply),
                Projection.of("boards", BoardsEvent.class, boards::apply),
                // these two read an account's erasure too (decision 0021), so in log order through one processor each
                Projection.of("message-search", DomainEvent.class, messageSearch::feed),
                Projection.of("mailboxes", DomainEvent.class, mailboxes::feed),
                // chat reads session events too (an ended session leaves its rooms), so in log order through one processor
                Projection.of("chat-rooms", DomainEvent.class, chatRooms::feed),
                Projection.of("api-keys", ApiKeyEvent.class, apiKeys::apply),
                Projection.recorded("audit-trail", DomainEvent.class, auditTrail::apply),
                // time travel: where each board's threads begin, and (fed every event) how far it has read
                Projection.recorded("board-threads", DomainEvent.class, boardThreads::apply),
                // the registry, and which plugins run with what storage: one processor, lifecycle and actions in log order
                Projection.of("plugins", PluginsEvent.class, event -> {
                    plugins.feed(event);
                    pluginRuntime.feed(event);
                })));
    }
}
