package dev.scrollback.bootstrap;

import dev.scrollback.adapters.persistence.shared.EventStore;
import dev.scrollback.adapters.persistence.shared.Projections;
import dev.scrollback.adapters.persistence.shared.StoreSettings;
import dev.scrollback.adapters.persistence.signingkeys.JdbcSigningKeyStore;
import dev.scrollback.adapters.web.Routes;
import dev.scrollback.adapters.web.accounts.Authentication;
import dev.scrollback.adapters.web.accounts.TokenIssuer;
import dev.scrollback.adapters.web.admin.AdminSigningKeyRoutes;
import dev.scrollback.application.accounts.ListSigningKeys;
import dev.scrollback.application.accounts.RotateSigningKey;
import dev.scrollback.application.accounts.SigningKeyPolicy;
import dev.scrollback.application.accounts.SigningKeyRotation;
import dev.scrollback.application.shared.EventLog;
import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The token signing keys (decision 0008): a table beside the events, shared by every instance; the token issuer that
 * signs with the newest key and verifies with every key whose tokens may not all have expired; rotation on demand (a
 * sysop) and on a schedule ({@code SCROLLBACK_SIGNING_KEY_ROTATION}).
 */
@Configuration(proxyBeanMethods = false)
class SigningKeysWiring {
    static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofMinutes(15);
    static final Duration REFRESH_TOKEN_LIFETIME = Duration.ofDays(30);
    /** How often each instance checks whether rotation is due and re-reads the keys (so it signs with the newest). */
    static final Duration CHECK_EVERY = Duration.ofMinutes(1);

    /** Takes the event store so that it opens after it and closes before it: on H2 they share one database. */
    @Bean(destroyMethod = "close")
    JdbcSigningKeyStore signingKeyStore(Settings settings, EventStore events) {
        StoreSettings where = settings.database()
                .<StoreSettings>map(db -> new StoreSettings.Postgres(db.url(), db.user(), db.password()))
                .orElseGet(() -> new StoreSettings.Embedded(settings.dataDirectory()));
        return JdbcSigningKeyStore.open(where);
    }

    @Bean
    SigningKeyPolicy signingKeyPolicy(Settings settings) {
        return SigningKeyPolicy.of(settings.signingKeyRotation(), REFRESH_TOKEN_LIFETIME);
    }

    @Bean
    SigningKeyRotation signingKeyRotation(JdbcSigningKeyStore store, EventLog log, Clock clock, SigningKeyPolicy policy) {
        return new SigningKeyRotation(store, TokenIssuer.keyMint(), log, clock, policy);
    }

    /** Reads the keys once {@link SigningKeySchedule} has made sure there is one. */
    @Bean
    TokenIssuer tokenIssuer(Settings settings, JdbcSigningKeyStore store, SigningKeyPolicy policy, Clock clock) {
        return TokenIssuer.over(store, policy, settings.publicUrl().toString(), clock, ACCESS_TOKEN_LIFETIME,
                REFRESH_TOKEN_LIFETIME);
    }

    @Bean
    Routes adminSigningKeyRoutes(RotateSigningKey rotate, ListSigningKeys list, TokenIssuer tokens, Authentication auth) {
        return new AdminSigningKeyRoutes(rotate, list, tokens, auth);
    }

    /**
     * Only a serving process makes the first key and checks on a schedule; an admin command acts and exits. A key file
     * of an earlier version ({@code <data>/keys/token-signing.p8}) becomes the first key, so an upgrade logs nobody out.
     */
    @Bean
    @ConditionalOnProperty(name = ScrollbackApplication.Mode.PROPERTY, havingValue = "serve", matchIfMissing = true)
    SigningKeySchedule signingKeySchedule(SigningKeyRotation rotation, TokenIssuer tokens, Projections projections,
                                          Settings settings) {
        return new SigningKeySchedule(rotation, tokens, CHECK_EVERY, projections, settings.catchUpTimeout(),
                settings.dataDirectory().resolve("keys"));
    }
}
