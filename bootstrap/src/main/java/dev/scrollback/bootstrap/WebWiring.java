package dev.scrollback.bootstrap;

import dev.scrollback.adapters.persistence.shared.EventStore;
import dev.scrollback.adapters.persistence.shared.Projections;
import dev.scrollback.adapters.telnet.TelnetServer;
import dev.scrollback.adapters.web.Routes;
import dev.scrollback.adapters.web.WebServer;
import dev.scrollback.adapters.web.WebSettings;
import dev.scrollback.adapters.web.accounts.AccountRoutes;
import dev.scrollback.adapters.web.accounts.Authentication;
import dev.scrollback.adapters.web.accounts.JwksRoutes;
import dev.scrollback.adapters.web.accounts.MeRoutes;
import dev.scrollback.adapters.web.accounts.PasswordResetRoutes;
import dev.scrollback.adapters.web.accounts.PasswordRoutes;
import dev.scrollback.adapters.web.accounts.SessionRoutes;
import dev.scrollback.adapters.web.accounts.TokenIssuer;
import dev.scrollback.adapters.web.accounts.TotpRoutes;
import dev.scrollback.adapters.web.accounts.ErasureRoutes;
import dev.scrollback.adapters.web.feed.ExportRoutes;
import dev.scrollback.application.feed.ExportOwnData;
import dev.scrollback.application.accounts.EraseAccount;
import dev.scrollback.adapters.web.admin.AdminRoleRoutes;
import dev.scrollback.adapters.web.admin.AdminSessionRoutes;
import dev.scrollback.adapters.web.admin.AdminUserRoutes;
import dev.scrollback.adapters.web.feed.FeedRoutes;
import dev.scrollback.adapters.web.health.HealthRoutes;
import dev.scrollback.adapters.web.health.ReadinessCheck;
import dev.scrollback.adapters.web.presence.MySessionRoutes;
import dev.scrollback.adapters.web.presence.PresenceRoutes;
import dev.scrollback.adapters.web.shared.OpenApiRoutes;
import dev.scrollback.adapters.web.shared.RouteLimit;
import dev.scrollback.application.accounts.AuthenticateSession;
import dev.scrollback.application.accounts.ChangePassword;
import dev.scrollback.application.accounts.DisableTotp;
import dev.scrollback.application.accounts.EnrolTotp;
import dev.scrollback.application.accounts.LogInCaller;
import dev.scrollback.application.accounts.LogOut;
import dev.scrollback.application.accounts.ManageRoles;
import dev.scrollback.application.accounts.RegisterCaller;
import dev.scrollback.application.accounts.ResendVerification;
import dev.scrollback.application.accounts.ShowProfile;
import dev.scrollback.application.accounts.UnlockAccount;
import dev.scrollback.application.accounts.LockAccount;
import dev.scrollback.application.accounts.ForcePasswordReset;
import dev.scrollback.application.accounts.ResetAccountTotp;
import dev.scrollback.application.accounts.RequestPasswordReset;
import dev.scrollback.application.accounts.CompletePasswordReset;
import dev.scrollback.application.accounts.VerifyEmail;
import dev.scrollback.application.feed.ReadFeed;
import dev.scrollback.application.presence.EndMySession;
import dev.scrollback.application.presence.KickSession;
import dev.scrollback.application.presence.ListMySessions;
import dev.scrollback.application.presence.WhoIsOnline;
import dev.scrollback.application.sessions.RefreshSession;
import dev.scrollback.application.shared.RateLimiter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The HTTP side: tokens, the readiness checks SPEC §4 names, and the server with every {@link Routes} bean. Each
 * capability contributes its routes as beans (here, or in its own wiring class), so adding one touches no list.
 */
@Configuration(proxyBeanMethods = false)
class WebWiring {

    @Bean
    Authentication authentication(TokenIssuer tokens, AuthenticateSession sessions,
                                  dev.scrollback.application.accounts.AuthenticateApiKey apiKeys) {
        return new Authentication(tokens, sessions, apiKeys);
    }

    @Bean
    WebServer webServer(Settings settings, List<Routes> routes, EventStore store, Projections projections,
                        TelnetServer telnet, RateLimiter limiter, ObjectProvider<ReadinessCheck> moreChecks) {
        var self = new AtomicReference<WebServer>();
        var readiness = new ArrayList<>(List.of(
                new ReadinessCheck("store", store::isOpen),
                new ReadinessCheck("projections", projections::caughtUp),
                new ReadinessCheck("telnet", telnet::isListening),
                new ReadinessCheck("http", () -> self.get() != null && self.get().isListening())));
        moreChecks.orderedStream().forEach(readiness::add);         // e.g. redis, when instances share one
        var all = new ArrayList<Routes>(routes);
        all.add(new HealthRoutes(readiness));
        all.add(new OpenApiRoutes("Scrollback", "v1", all));   // last: it documents every route above (SPEC §4)
        var server = WebServer.create(new WebSettings(settings.httpHost(), settings.httpPort(), WebSettings.DEFAULT_MAX_BODY_BYTES), all,
                limiter, RouteLimit.defaults());
        self.set(server);
        return server;
    }

    @Bean
    Routes accountRoutes(RegisterCaller register, VerifyEmail verify, ResendVerification resend) {
        return new AccountRoutes(register, verify, resend);
    }

    @Bean
    Routes sessionRoutes(LogInCaller logIn, LogOut logOut, RefreshSession refresh, Authentication auth,
                         dev.scrollback.application.accounts.WelcomeCaller welcome) {
        return new SessionRoutes(logIn, logOut, refresh, auth, welcome);
    }

    @Bean
    Routes meRoutes(ShowProfile showProfile, Authentication auth) {
        return new MeRoutes(showProfile, auth);
    }

    @Bean
    Routes totpRoutes(EnrolTotp enrol, DisableTotp disable, Authentication auth) {
        return new TotpRoutes(enrol, disable, auth);
    }

    @Bean
    Routes exportRoutes(ExportOwnData export, Authentication auth) {
        return new ExportRoutes(export, auth);
    }

    @Bean
    Routes erasureRoutes(EraseAccount erase, Authentication auth) {
        return new ErasureRoutes(erase, auth);
    }

    @Bean
    Routes passwordRoutes(ChangePassword changePassword, Authentication auth) {
        return new PasswordRoutes(changePassword, auth);
    }

    @Bean
    Routes adminUserRoutes(UnlockAccount unlock, LockAccount lock, ForcePasswordReset forceReset, ResetAccountTotp resetTotp,
                           Authentication auth, Clock clock) {
        return new AdminUserRoutes(unlock, lock, forceReset, resetTotp, auth, clock);
    }

    @Bean
    Routes passwordResetRoutes(RequestPasswordReset request, CompletePasswordReset complete) {
        return new PasswordResetRoutes(request, complete);
    }

    @Bean
    Routes adminRoleRoutes(ManageRoles manageRoles, Authentication auth) {
        return new AdminRoleRoutes(manageRoles, auth);
    }

    @Bean
    Routes adminSessionRoutes(KickSession kick, Authentication auth) {
        return new AdminSessionRoutes(kick, auth);
    }

    @Bean
    Routes presenceRoutes(WhoIsOnline whoIsOnline, Authentication auth) {
        return new PresenceRoutes(whoIsOnline, auth);
    }

    @Bean
    Routes mySessionRoutes(ListMySessions list, EndMySession end, Authentication auth) {
        return new MySessionRoutes(list, end, auth);
    }

    @Bean
    Routes feedRoutes(ReadFeed readFeed, Authentication auth) {
        return new FeedRoutes(readFeed, auth);
    }

    @Bean
    Routes jwksRoutes(TokenIssuer tokens) {
        return new JwksRoutes(tokens);
    }
}
