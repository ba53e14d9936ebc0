package dev.scrollback.bootstrap;

import dev.scrollback.adapters.web.Routes;
import dev.scrollback.adapters.web.accounts.ApiKeyRoutes;
import dev.scrollback.adapters.web.accounts.Authentication;
import dev.scrollback.application.accounts.IssueApiKey;
import dev.scrollback.application.accounts.ListApiKeys;
import dev.scrollback.application.accounts.RevokeApiKey;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * API keys (issue 3, item 7): their routes. The use cases and the {@code ApiKeyIndex} projection are scanned from the
 * application; the projection is fed in {@link CoreWiring}, and {@link WebWiring}'s authentication checks keys.
 */
@Configuration(proxyBeanMethods = false)
class ApiKeysWiring {

    @Bean
    Routes apiKeyRoutes(IssueApiKey issue, ListApiKeys list, RevokeApiKey revoke, Authentication auth, Clock clock) {
        return new ApiKeyRoutes(issue, list, revoke, auth, clock);
    }
}
