package dev.scrollback.bootstrap;

import dev.scrollback.adapters.persistence.shared.EventStore;
import dev.scrollback.adapters.persistence.shared.Projections;
import dev.scrollback.adapters.telnet.TelnetServer;
import dev.scrollback.adapters.web.WebServer;
import dev.scrollback.adapters.web.WebSettings;
import dev.scrollback.adapters.web.shared.RouteLimit;
import dev.scrollback.adapters.web.accounts.AccountRoutes;
import dev.scrollback.adapters.web.admin.AdminUserRoutes;
import dev.scrollback.adapters.web.accounts.Authentication;
import dev.scrollback.adapters.web.accounts.JwksRoutes;
import dev.scrollback.adapters.web.accounts.MeRoutes;
import dev.scrollback.adapters.web.accounts.SessionRoutes;
import dev.scrollback.adapters.web.accounts.TokenIssuer;
import dev.scrollback.adapters.web.accounts.TotpRoutes;
import dev.scrollback.application.accounts.DisableTotp;
import dev.scrollback.application.accounts.EnrolTotp;
import dev.scrollback.adapters.web.feed.FeedRoutes;
import dev.scrollback.adapters.web.health.HealthRoutes;
import dev.scrollback.adapters.web.health.ReadinessCheck;
import dev.scrollback.adapters.web.presence.PresenceRoutes;
import dev.scrollback.application.accounts.AuthenticateSession;
import dev.scrollback.application.accounts.LogInCaller;
import dev.scrollback.application.accounts.LogOut;
import dev.scrollback.application.accounts.RegisterCaller;
import dev.scrollback.application.accounts.ResendVerification;
import dev.scrollback.application.accounts.ShowProfile;
import dev.scrollback.application.accounts.UnlockAccount;
import dev.scrollback.application.accounts.VerifyEmail;
import dev.scrollback.application.feed.ReadFeed;
import dev.scrollback.application.presence.EndMySession;
import dev.scrollback.application.presence.KickSession;
import dev.scrollback.adapters.web.admin.AdminSessionRoutes;
import dev.scrollback.application.presence.ListMySessions;
import dev.scrollback.application.presence.WhoIsOnline;
import dev.scrollback.adapters.web.presence.MySessionRoutes;
import dev.scrollback.application.shared.RateLimiter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The HTTP side: tokens, routes per capability, and the readiness checks SPEC §4 names. */
@Configuration(proxyBeanMethods = false)
class WebWiring {

    @Bean
    TokenIssuer tokenIssuer(Settings settings, Clock clock) {
        return TokenIssuer.loadOrCreate(settings.dataDirectory().resolve("keys"), settings.publicUrl().toString(), clock,
                Duration.ofMinutes(15), Duration.ofDays(30));
    }

    @Bean
    WebServer webServer(Settings settings, TokenIssuer tokens, AuthenticateSession authenticateSession,
                        RegisterCaller register, VerifyEmail verify, ResendVerification resend, LogInCaller logIn,
                        LogOut logOut, dev.scrollback.application.sessions.RefreshSession refreshSession,
                        ShowProfile showProfile, UnlockAccount unlockAccount, WhoIsOnline whoIsOnline,
                        ReadFeed readFeed,
                        EventStore store, Projections projections, TelnetServer telnet, RateLimiter limiter,
                        ListMySessions listMySessions, EndMySession endMySession, KickSession kickSession,
                        EnrolTotp enrolTotp, DisableTotp disableTotp,
                        dev.scrollback.application.accounts.ChangePassword changePassword,
                        dev.scrollback.application.accounts.ManageRoles manageRoles) {
        var auth = new Authentication(tokens, authenticateSession);
        var self = new AtomicReference<WebServer>();
        var readiness = List.of(
                new ReadinessCheck("store", store::isOpen),
                new ReadinessCheck("projections", projections::caughtUp),
                new ReadinessCheck("telnet", telnet::isListening),
                new ReadinessCheck("http", () -> self.get() != null && self.get().isListening()));
        var server = WebServer.create(new WebSettings(settings.httpHost(), settings.httpPort(), 64 * 1024), List.of(
                new AccountRoutes(register, verify, resend),
                new SessionRoutes(logIn, logOut, refreshSession, auth),
                new MeRoutes(showProfile, auth),
                new TotpRoutes(enrolTotp, disableTotp, auth),
                new dev.scrollback.adapters.web.accounts.PasswordRoutes(changePassword, auth),
                new AdminUserRoutes(unlockAccount, auth),
                new dev.scrollback.adapters.web.admin.AdminRoleRoutes(manageRoles, auth),
                new PresenceRoutes(whoIsOnline, auth),
                new MySessionRoutes(listMySessions, endMySession, auth),
                new AdminSessionRoutes(kickSession, auth),
                new FeedRoutes(readFeed, auth),
                new HealthRoutes(readiness),
                new JwksRoutes(tokens)), limiter, RouteLimit.defaults());
        self.set(server);
        return server;
    }
}
