package dev.scrollback.adapters.web.accounts;

import static dev.scrollback.adapters.web.TestServer.assertProblem;
import static dev.scrollback.adapters.web.TestServer.bearer;
import static dev.scrollback.adapters.web.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import dev.scrollback.adapters.web.Sessions;
import dev.scrollback.adapters.web.TestServer;
import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.accounts.LogInCaller;
import dev.scrollback.application.accounts.LogOut;
import dev.scrollback.application.sessions.RefreshSession;
import dev.scrollback.application.sessions.RefreshSession.Outcome;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.domain.accounts.AccountRejected;
import dev.scrollback.domain.shared.Channel;
import dev.scrollback.domain.shared.Handle;
import dev.scrollback.domain.shared.SessionId;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionRoutesTest {
    static final String LOGIN = "{\"handle\":\"alice\",\"password\":\"correct horse battery\"}";

    @TempDir Path keys;
    Sessions sessions;
    Caller alice;
    LogInCaller logInCaller;
    LogOut logOut = (caller, origin) -> {};
    /** The application's rotation, in small: the newest generation refreshes, any other ends the session. */
    final Map<SessionId, Long> generations = new ConcurrentHashMap<>();
    final AtomicReference<Origin> refreshedFrom = new AtomicReference<>();
    RefreshSession refreshSession = (session, account, generation, origin) -> {
        refreshedFrom.set(origin);
        long current = generations.getOrDefault(session, 0L);
        if (generation != current) {
            sessions.end(alice);
            return new Outcome.ReuseDetected();
        }
        generations.put(session, current + 1);
        return new Outcome.Refreshed(current + 1);
    };

    @BeforeEach
    void setUp() {
        sessions = new Sessions(keys);
        alice = sessions.open("alice");
        logInCaller = cmd -> alice;
    }

    TestServer server() {
        return TestServer.start(new SessionRoutes(c -> logInCaller.logIn(c), (c, o) -> logOut.logOut(c, o),
                        (s, a, g, o) -> refreshSession.refresh(s, a, g, o), sessions.authentication),
                new MeRoutes(caller -> { throw new AssertionError("not asked"); }, sessions.authentication));
    }

    @Test
    void logging_in_answers_201_with_a_bearer_token_pair_for_the_new_session() {
        var seen = new AtomicReference<LogInCaller.Command>();
        logInCaller = cmd -> {
            seen.set(cmd);
            return alice;
        };
        try (var server = server()) {
            var response = server.post("/api/v1/sessions", LOGIN);
            assertThat(response.statusCode()).isEqualTo(201);
            var body = json(response);
            assertThat(body.path("tokenType").asText()).isEqualTo("Bearer");
            assertThat(body.path("expiresIn").asLong()).isEqualTo(Sessions.ACCESS_TTL.toSeconds());
            var access = JWT.decode(body.path("accessToken").asText());
            assertThat(access.getSubject()).isEqualTo(alice.account().toString());
            assertThat(access.getClaim("sid").asString()).isEqualTo(alice.session().toString());
            assertThat(access.getClaim("typ").asString()).isEqualTo("access");
            assertThat(JWT.decode(body.path("refreshToken").asText()).getClaim("typ").asString()).isEqualTo("refresh");
        }
        assertThat(seen.get().handle()).isEqualTo(new Handle("alice"));
        assertThat(seen.get().password().value()).isEqualTo("correct horse battery");
        assertThat(seen.get().origin().channel()).isEqualTo(Channel.WEB);
        assertThat(seen.get().origin().address()).hasValueSatisfying(a -> assertThat(a.value()).isEqualTo("127.0.0.1"));
        assertThat(seen.get().terminal()).isEmpty();
    }

    @Test
    void wrong_credentials_are_a_401_invalid_credentials_problem() {
        logInCaller = cmd -> { throw new AccountRejected(new AccountRejected.InvalidCredentials()); };
        try (var server = server()) {
            assertProblem(server.post("/api/v1/sessions", LOGIN), 401, "invalid-credentials");
        }
    }

    @Test
    void an_unverified_email_is_a_403_that_says_how_to_verify() {
        logInCaller = cmd -> { throw new AccountRejected(new AccountRejected.EmailNotVerified(cmd.handle())); };
        try (var server = server()) {
            var problem = assertProblem(server.post("/api/v1/sessions", LOGIN), 403, "email-not-verified");
            assertThat(problem.path("detail").asText()).contains("code").contains("POST /api/v1/accounts/verify");
        }
    }

    @Test
    void refreshing_rotates_the_pair_for_the_same_session() {
        try (var server = server()) {
            var first = json(server.post("/api/v1/sessions", LOGIN));
            sessions.clock.advance(Duration.ofMinutes(20));           // the access token has expired meanwhile
            var oldAccess = first.path("accessToken").asText();
            assertProblem(server.get("/api/v1/me", "Authorization", bearer(oldAccess)), 401, "unauthorized");

            var response = server.post("/api/v1/sessions/refresh", "{\"refreshToken\":\"" + first.path("refreshToken").asText() + "\"}");
            assertThat(response.statusCode()).isEqualTo(200);
            var second = json(response);
            assertThat(second.path("refreshToken").asText()).isNotEqualTo(first.path("refreshToken").asText());
            assertThat(second.path("accessToken").asText()).isNotEqualTo(oldAccess);
            var access = JWT.decode(second.path("accessToken").asText());
            assertThat(access.getClaim("sid").asString()).isEqualTo(alice.session().toString());
            assertThat(access.getSubject()).isEqualTo(alice.account().toString());
            assertThat(sessions.tokens.checkAccess(second.path("accessToken").asText())).isInstanceOf(TokenCheck.Valid.class);
        }
    }

    static String refreshBody(String refreshToken) {
        return "{\"refreshToken\":\"" + refreshToken + "\"}";
    }

    @Test
    void each_refresh_token_works_once_and_a_replayed_one_ends_the_session() {
        try (var server = server()) {
            var login = json(server.post("/api/v1/sessions", LOGIN));
            assertThat(JWT.decode(login.path("refreshToken").asText()).getClaim("gen").asLong()).isZero();
            var first = json(server.post("/api/v1/sessions/refresh", refreshBody(login.path("refreshToken").asText())));
            assertThat(JWT.decode(first.path("refreshToken").asText()).getClaim("gen").asLong()).isEqualTo(1);
            var secondResponse = server.post("/api/v1/sessions/refresh", refreshBody(first.path("refreshToken").asText()));
            assertThat(secondResponse.statusCode()).isEqualTo(200);
            var second = json(secondResponse);
            assertThat(JWT.decode(second.path("refreshToken").asText()).getClaim("gen").asLong()).isEqualTo(2);
            assertThat(refreshedFrom.get().session()).contains(alice.session());
            assertThat(refreshedFrom.get().channel()).isEqualTo(Channel.WEB);

            var replay = server.post("/api/v1/sessions/refresh", refreshBody(first.path("refreshToken").asText()));
            var problem = assertProblem(replay, 401, "unauthorized");
            assertThat(problem.path("detail").asText()).contains("already used").contains("ended").contains("Log in again");
            assertThat(replay.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).contains("invalid_token"));
            assertProblem(server.get("/api/v1/me", "Authorization", bearer(second.path("accessToken").asText())), 401, "unauthorized");
            assertProblem(server.post("/api/v1/sessions/refresh", refreshBody(second.path("refreshToken").asText())), 401, "unauthorized");
        }
    }

    @Test
    void a_session_past_its_absolute_lifetime_is_told_to_log_in_again() {
        var since = Instant.parse("2025-03-31T20:00:00Z");
        refreshSession = (session, account, generation, origin) -> new Outcome.LifetimeOver(since);
        try (var server = server()) {
            var refresh = json(server.post("/api/v1/sessions", LOGIN)).path("refreshToken").asText();
            var problem = assertProblem(server.post("/api/v1/sessions/refresh", refreshBody(refresh)), 401, "unauthorized");
            assertThat(problem.path("detail").asText()).contains("absolute lifetime").contains(since.toString()).contains("log in again");
        }
    }

    @Test
    void refreshing_an_ended_session_is_refused() {
        try (var server = server()) {
            var refresh = json(server.post("/api/v1/sessions", LOGIN)).path("refreshToken").asText();
            sessions.end(alice);
            var problem = assertProblem(server.post("/api/v1/sessions/refresh", "{\"refreshToken\":\"" + refresh + "\"}"), 401, "unauthorized");
            assertThat(problem.path("detail").asText()).contains("ended");
        }
    }

    @Test
    void an_access_token_is_no_refresh_token_and_garbage_is_neither() {
        try (var server = server()) {
            var access = json(server.post("/api/v1/sessions", LOGIN)).path("accessToken").asText();
            assertProblem(server.post("/api/v1/sessions/refresh", "{\"refreshToken\":\"" + access + "\"}"), 401, "unauthorized");
            assertProblem(server.post("/api/v1/sessions/refresh", "{\"refreshToken\":\"a.b.c\"}"), 401, "unauthorized");
            var missing = assertProblem(server.post("/api/v1/sessions/refresh", "{}"), 400, "validation-failed");
            assertThat(missing.path("field").asText()).isEqualTo("refreshToken");
        }
    }

    @Test
    void logging_out_ends_the_callers_own_session_from_the_web() {
        var ended = new AtomicReference<Caller>();
        var from = new AtomicReference<Origin>();
        logOut = (caller, origin) -> {
            ended.set(caller);
            from.set(origin);
            sessions.end(caller);
        };
        try (var server = server()) {
            var access = sessions.accessToken(alice);
            assertThat(server.delete("/api/v1/sessions/current", "Authorization", bearer(access)).statusCode()).isEqualTo(204);
            assertProblem(server.get("/api/v1/me", "Authorization", bearer(access)), 401, "unauthorized");
            assertProblem(server.delete("/api/v1/sessions/current", "Authorization", bearer(access)), 401, "unauthorized");
        }
        assertThat(ended.get()).isEqualTo(alice);
        assertThat(from.get().channel()).isEqualTo(Channel.WEB);
        assertThat(from.get().session()).contains(alice.session());
        assertThat(from.get().address()).isPresent();
    }

    @Test
    void logging_out_needs_a_token() {
        try (var server = server()) {
            var response = server.delete("/api/v1/sessions/current");
            assertProblem(response, 401, "unauthorized");
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        }
    }
}
