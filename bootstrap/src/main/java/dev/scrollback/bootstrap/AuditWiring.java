package dev.scrollback.bootstrap;

import dev.scrollback.adapters.web.Routes;
import dev.scrollback.adapters.web.accounts.Authentication;
import dev.scrollback.adapters.web.audit.AuditRoutes;
import dev.scrollback.application.audit.ReadAuditLog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The audit log over HTTP; its projection ({@code AuditTrail}) is fed with the others in {@link CoreWiring}. */
@Configuration(proxyBeanMethods = false)
class AuditWiring {

    @Bean
    Routes auditRoutes(ReadAuditLog readAuditLog, Authentication auth) {
        return new AuditRoutes(readAuditLog, auth);
    }
}
