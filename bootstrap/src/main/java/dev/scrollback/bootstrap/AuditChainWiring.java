package dev.scrollback.bootstrap;

import dev.scrollback.adapters.persistence.audit.CheckpointKey;
import dev.scrollback.adapters.persistence.audit.JdbcAuditChain;
import dev.scrollback.adapters.persistence.shared.EventStore;
import dev.scrollback.adapters.persistence.shared.StoreSettings;
import dev.scrollback.adapters.web.Routes;
import dev.scrollback.adapters.web.accounts.Authentication;
import dev.scrollback.adapters.web.audit.AuditVerifyRoutes;
import dev.scrollback.application.audit.VerifyAuditLog;
import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tamper evidence (decision 0020): the hash chain's tables beside the events, the checkpoint key in
 * {@code <data>/audit/}, sealing on a schedule in a serving process, and {@code GET /api/v1/audit/verify}.
 */
@Configuration(proxyBeanMethods = false)
class AuditChainWiring {
    /** How often a serving process seals what was appended since the last seal. */
    static final Duration SEAL_EVERY = Duration.ofSeconds(5);

    /** Takes the event store so that it opens after it and closes before it: on H2 they share one database. */
    @Bean(destroyMethod = "close")
    JdbcAuditChain auditChain(Settings settings, EventStore events, Clock clock) {
        StoreSettings where = settings.database()
                .<StoreSettings>map(db -> new StoreSettings.Postgres(db.url(), db.user(), db.password()))
                .orElseGet(() -> new StoreSettings.Embedded(settings.dataDirectory()));
        return JdbcAuditChain.open(where, events.storedRecords(), CheckpointKey.inDataDirectory(settings.dataDirectory()), clock);
    }

    @Bean
    Routes auditVerifyRoutes(VerifyAuditLog verify, Authentication auth) {
        return new AuditVerifyRoutes(verify, auth);
    }

    /** Only a serving process seals; {@code verify-audit} and the other commands only read. */
    @Bean
    @ConditionalOnProperty(name = ScrollbackApplication.Mode.PROPERTY, havingValue = "serve", matchIfMissing = true)
    AuditSealSchedule auditSealSchedule(JdbcAuditChain chain) {
        return new AuditSealSchedule(chain, SEAL_EVERY);
    }
}
