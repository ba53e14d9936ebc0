package dev.scrollback.adapters.web.accounts;

import dev.scrollback.adapters.web.Routes;
import dev.scrollback.adapters.web.shared.Api;
import dev.scrollback.adapters.web.shared.JsonBody;
import dev.scrollback.adapters.web.shared.RequestOrigin;
import dev.scrollback.adapters.web.shared.Unauthenticated;
import dev.scrollback.application.accounts.LogInCaller;
import dev.scrollback.application.accounts.WelcomeCaller;
import dev.scrollback.application.accounts.LogOut;
import dev.scrollback.application.sessions.RefreshSession;
import dev.scrollback.application.sessions.RefreshSession.Outcome;
import dev.scrollback.domain.accounts.Secret;
import dev.scrollback.domain.shared.Handle;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Optional;

/**
 * Web sessions: log in for a token pair, refresh it, log out. A refresh answers a fresh pair for the same session, and
 * only while that session is open and younger than its absolute lifetime; each refresh token works once (it rotates),
 * and presenting a used one again ends the session; logging out ends the session, so its tokens stop working at once.
 */
public final class SessionRoutes implements Routes {
    private final LogInCaller logInCaller;
    private final WelcomeCaller welcome;
    private final LogOut logOut;
    private final RefreshSession refreshSession;
    private final Authentication authentication;

    public SessionRoutes(LogInCaller logInCaller, LogOut logOut, RefreshSession refreshSession, Authentication authentication) {
        this(logInCaller, logOut, refreshSession, authentication, (caller, origin) -> List.of());
    }

    /** With {@code welcome}, a login's answer carries the plugins' greetings ({@code on_user_login}). */
    public SessionRoutes(LogInCaller logInCaller, LogOut logOut, RefreshSession refreshSession, Authentication authentication,
                         WelcomeCaller welcome) {
        this.welcome = welcome;
        this.logInCaller = logInCaller;
        this.logOut = logOut;
        this.refreshSession = refreshSession;
        this.authentication = authentication;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.post("/api/v1/sessions", this::logIn);
        routes.post("/api/v1/sessions/refresh", this::refresh);
        routes.delete("/api/v1/sessions/current", this::logOut);
        AccountProblems.addTo(routes);                  // AccountRoutes adds the same mapping; either works alone
    }

    @Override
    public void describe(Api api) {
        api.post("/api/v1/sessions").summary("Log in: an access token and a refresh token")
                .body(LoginForm.class).answers(201, LoggedIn.class).problems(400, 401, 403, 423, 429);
        api.post("/api/v1/sessions/refresh").summary("Trade a refresh token for a new pair (each refresh token works once)")
                .body(RefreshForm.class).answers(200, Tokens.class).problems(400, 401);
        api.delete("/api/v1/sessions/current").summary("Log out: end this session").authenticated().answers(204);
    }

    private void logIn(Context ctx) {
        var form = JsonBody.read(ctx, LoginForm.class);
        var caller = logInCaller.logIn(new LogInCaller.Command(new Handle(form.handle()), new Secret(form.password()),
                RequestOrigin.of(ctx), Optional.empty(),
                optional(form.unlockCode()), optional(form.totp())));
        var tokens = authentication.tokens().issue(caller.account(), caller.session());
        var greetings = welcome.welcome(caller, RequestOrigin.of(ctx).inSession(caller.session()));
        ctx.status(HttpStatus.CREATED).json(LoggedIn.of(tokens, greetings));
    }

    private static Optional<Secret> optional(String code) {
        return Optional.ofNullable(code).filter(c -> !c.isBlank()).map(Secret::new);
    }

    private void refresh(Context ctx) {
        var form = JsonBody.read(ctx, RefreshForm.class);
        var token = JsonBody.required(form.refreshToken(), "refreshToken");
        var caller = authentication.refreshing(token);        // signed by us, unexpired, its session open
        var tokens = authentication.tokens();
        var outcome = refreshSession.refresh(caller.session(), caller.account(), tokens.generation(token),
                RequestOrigin.of(ctx).inSession(caller.session()));
        switch (outcome) {
            case Outcome.Refreshed refreshed ->
                    ctx.json(Tokens.of(tokens.issue(caller.account(), caller.session(), refreshed.generation())));
            case Outcome.ReuseDetected reused -> throw Unauthenticated.badToken("This refresh token was already used, so "
                    + "a copy of it may be in someone else's hands; the session was ended for safety. Log in again.");
            case Outcome.SessionOver over -> throw Unauthenticated.badToken("This session has ended; log in again.");
            case Outcome.LifetimeOver over -> throw Unauthenticated.badToken("This session reached its absolute lifetime at "
                    + over.since() + " and cannot be refreshed any more; log in again.");
        }
    }

    private void logOut(Context ctx) {
        var caller = authentication.caller(ctx);
        logOut.logOut(caller, RequestOrigin.of(ctx).inSession(caller.session()));
        ctx.status(HttpStatus.NO_CONTENT);
    }

    /**
     * {@code unlockCode}: the code mailed when the account was locked; lets its owner in while the lock holds.
     * {@code totp}: the authenticator app's 6-digit code, or a recovery code, for an account with TOTP on.
     */
    record LoginForm(String handle, String password, String unlockCode, String totp) {
        @Override
        public String toString() {
            return "LoginForm[handle=" + handle + "]";
        }
    }

    record RefreshForm(String refreshToken) {
        @Override
        public String toString() {
            return "RefreshForm[***]";
        }
    }

    /** A login's answer: the tokens, and what the BBS's plugins have to say to the caller (often nothing). */
    record LoggedIn(String accessToken, String refreshToken, long expiresIn, String tokenType, List<String> greetings) {
        static LoggedIn of(TokenPair pair, List<String> greetings) {
            var tokens = Tokens.of(pair);
            return new LoggedIn(tokens.accessToken(), tokens.refreshToken(), tokens.expiresIn(), tokens.tokenType(),
                    List.copyOf(greetings));
        }

        @Override
        public String toString() {
            return "LoggedIn[***]";
        }
    }

    record Tokens(String accessToken, String refreshToken, long expiresIn, String tokenType) {
        static Tokens of(TokenPair pair) {
            return new Tokens(pair.accessToken(), pair.refreshToken(), pair.accessTtl().toSeconds(), "Bearer");
        }

        @Override
        public String toString() {
            return "Tokens[***]";
        }
    }
}
