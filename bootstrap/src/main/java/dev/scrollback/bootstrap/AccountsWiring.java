package dev.scrollback.bootstrap;

import dev.scrollback.adapters.crypto.accounts.Argon2Cost;
import dev.scrollback.adapters.crypto.accounts.Argon2PasswordHasher;
import dev.scrollback.adapters.crypto.accounts.JavaOtpTotpCodes;
import dev.scrollback.adapters.mail.accounts.OutboxMailer;
import dev.scrollback.adapters.mail.accounts.SmtpMailer;
import dev.scrollback.adapters.mail.accounts.SmtpSettings;
import dev.scrollback.adapters.persistence.ratelimits.InMemoryRateLimiter;
import dev.scrollback.application.accounts.CreateSysop;
import dev.scrollback.application.accounts.Mailer;
import dev.scrollback.application.accounts.PasswordHasher;
import dev.scrollback.application.accounts.TotpCodes;
import dev.scrollback.application.presence.ExpireIdleSessions;
import dev.scrollback.application.presence.SharedPresence;
import dev.scrollback.application.presence.OnlineCallers;
import dev.scrollback.application.sessions.EndSession;
import dev.scrollback.application.sessions.SessionActivity;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.application.shared.RateLimiter;
import java.time.Clock;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The accounts capability's out-ports: hashing, TOTP codes and mail; the first sysop; idle web sessions. */
@Configuration(proxyBeanMethods = false)
class AccountsWiring {

    /** Shared through Redis when the instances share one (SCROLLBACK_REDIS_URL), else in memory on this instance. */
    @Bean
    RateLimiter rateLimiter(Clock clock, ObjectProvider<Instances> instances) {
        return instances.stream().findFirst().map(cluster -> cluster.rateLimiter(clock))
                .orElseGet(() -> new InMemoryRateLimiter(clock));
    }

    @Bean
    PasswordHasher passwordHasher() {
        return new Argon2PasswordHasher(Argon2Cost.recommended());
    }

    @Bean
    TotpCodes totpCodes() {
        return new JavaOtpTotpCodes();
    }

    /** The outbox unless SMTP is configured (SPEC §4). */
    @Bean
    Mailer mailer(Settings settings, Clock clock) {
        return settings.smtp()
                .<Mailer>map(smtp -> new SmtpMailer(new SmtpSettings(smtp.host(), smtp.port(), smtp.user(), smtp.password(),
                        settings.mailFrom(), smtp.startTls()), clock))
                .orElseGet(() -> new OutboxMailer(settings.dataDirectory().resolve("outbox"), settings.mailFrom(), clock));
    }

    /** Actor {@code system} either way; the origin says whether start-up settings or the command line asked. */
    @Bean
    FirstSysop firstSysop(CreateSysop createSysop, Settings settings,
                          @Value("${" + ScrollbackApplication.Mode.PROPERTY + ":serve}") String mode) {
        return new FirstSysop(createSysop, settings, mode.equals("admin") ? Origin.cli() : Origin.system());
    }

    @Bean
    ExpireIdleSessions expireIdleSessions(OnlineCallers online, SessionActivity activity, EndSession endSession, Clock clock,
                                          Settings settings, Optional<SharedPresence> shared) {
        return new ExpireIdleSessions(online, activity, endSession, clock, settings.webIdleTimeout(), shared);
    }
}
