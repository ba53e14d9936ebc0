package dev.scrollback.bootstrap;

import dev.scrollback.adapters.persistence.exchange.LogExport;
import dev.scrollback.adapters.persistence.shared.EventStore;
import dev.scrollback.adapters.web.Routes;
import dev.scrollback.adapters.web.accounts.Authentication;
import dev.scrollback.adapters.web.exchange.EventExportRoutes;
import dev.scrollback.application.exchange.EventExporter;
import dev.scrollback.application.exchange.ExportEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Export (decision 0023): the store's rows as lines of JSON, over HTTP; {@code export} and {@code import} are commands. */
@Configuration(proxyBeanMethods = false)
class ExchangeWiring {
    @Bean
    EventExporter eventExporter(EventStore store) {
        return (after, format, out) -> LogExport.write(store.storedRecords(), after, format, out);
    }

    @Bean
    Routes eventExportRoutes(ExportEvents exportEvents, Authentication auth) {
        return new EventExportRoutes(exportEvents, auth);
    }
}
