package dev.scrollback.adapters.web.accounts;

import static dev.scrollback.adapters.web.TestServer.assertProblem;
import static dev.scrollback.adapters.web.TestServer.assertSecurityHeaders;
import static dev.scrollback.adapters.web.TestServer.bearer;
import static dev.scrollback.adapters.web.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.adapters.web.Sessions;
import dev.scrollback.adapters.web.TestServer;
import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.accounts.ShowProfile;
import dev.scrollback.domain.accounts.EmailAddress;
import dev.scrollback.domain.accounts.Role;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bearer tokens on {@code GET /api/v1/me}: what gets a caller in, and what is a 401. */
class AuthenticationTest {
    static final Instant REGISTERED = Instant.parse("2025-02-01T10:00:00Z");

    @TempDir Path keys;
    @TempDir Path otherKeys;
    Sessions sessions;
    Caller alice;
    TestServer server;

    @BeforeEach
    void setUp() {
        sessions = new Sessions(keys);
        alice = sessions.open("alice", Role.MEMBER, Role.SYSOP);
        ShowProfile profiles = caller -> new ShowProfile.Profile(caller.account(), caller.handle(),
                Optional.of(new EmailAddress("alice@example.test")), true, caller.roles(), REGISTERED,
                Optional.of(Instant.parse("2025-03-01T19:59:00Z")));
        server = TestServer.start(new MeRoutes(profiles, sessions.authentication));
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    @Test
    void a_valid_token_of_an_open_session_shows_the_profile() {
        var response = server.get("/api/v1/me", "Authorization", bearer(sessions.accessToken(alice)));
        assertThat(response.statusCode()).isEqualTo(200);
        assertSecurityHeaders(response);
        var me = json(response);
        assertThat(me.path("accountId").asText()).isEqualTo(alice.account().toString());
        assertThat(me.path("handle").asText()).isEqualTo("alice");
        assertThat(me.path("email").asText()).isEqualTo("alice@example.test");
        assertThat(me.path("emailVerified").asBoolean()).isTrue();
        assertThat(me.path("roles").toString()).isEqualTo("[\"member\",\"sysop\"]");
        assertThat(me.path("registeredAt").asText()).isEqualTo("2025-02-01T10:00:00Z");
        assertThat(me.path("lastLogin").asText()).isEqualTo("2025-03-01T19:59:00Z");
    }

    @Test
    void the_bearer_scheme_is_case_insensitive() {
        assertThat(server.get("/api/v1/me", "Authorization", "bearer " + sessions.accessToken(alice)).statusCode()).isEqualTo(200);
    }

    @Test
    void no_token_is_a_401_with_a_bearer_challenge_and_the_security_headers() {
        var response = server.get("/api/v1/me");
        assertProblem(response, 401, "unauthorized");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"scrollback\"");
        assertSecurityHeaders(response);
    }

    @Test
    void an_expired_token_is_a_401_that_says_to_refresh() {
        var token = sessions.accessToken(alice);
        sessions.clock.advance(Sessions.ACCESS_TTL.plusSeconds(1));
        var response = server.get("/api/v1/me", "Authorization", bearer(token));
        var problem = assertProblem(response, 401, "unauthorized");
        assertThat(problem.path("detail").asText()).contains("expired").contains("/api/v1/sessions/refresh");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).contains("invalid_token"));
    }

    @Test
    void a_token_just_before_expiry_still_works() {
        var token = sessions.accessToken(alice);
        sessions.clock.advance(Sessions.ACCESS_TTL.minusSeconds(1));
        assertThat(server.get("/api/v1/me", "Authorization", bearer(token)).statusCode()).isEqualTo(200);
    }

    @Test
    void a_tampered_token_is_a_401() {
        var token = sessions.accessToken(alice);
        var parts = token.split("\\.");
        var bob = sessions.open("bob", Role.MEMBER);
        var claims = new String(Base64.getUrlDecoder().decode(parts[1])).replace(alice.account().toString(), bob.account().toString());
        var forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(claims.getBytes()) + "." + parts[2];
        assertProblem(server.get("/api/v1/me", "Authorization", bearer(forged)), 401, "unauthorized");

        var flipped = token.substring(0, token.length() - 2) + (token.endsWith("A") ? "BB" : "AA");
        assertProblem(server.get("/api/v1/me", "Authorization", bearer(flipped)), 401, "unauthorized");
    }

    @Test
    void an_unsigned_token_is_a_401() {
        var parts = sessions.accessToken(alice).split("\\.");
        var none = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes());
        assertProblem(server.get("/api/v1/me", "Authorization", bearer(none + "." + parts[1] + ".")), 401, "unauthorized");
    }

    @Test
    void a_token_signed_by_another_key_is_a_401() {
        var stranger = TokenIssuer.loadOrCreate(otherKeys, Sessions.ISSUER, sessions.clock, Duration.ofMinutes(15), Duration.ofDays(1));
        var token = stranger.issue(alice.account(), alice.session()).accessToken();
        assertProblem(server.get("/api/v1/me", "Authorization", bearer(token)), 401, "unauthorized");
    }

    @Test
    void a_token_of_another_issuer_is_a_401() {
        var elsewhere = TokenIssuer.loadOrCreate(keys, "https://elsewhere.example.test", sessions.clock, Duration.ofMinutes(15), Duration.ofDays(1));
        var token = elsewhere.issue(alice.account(), alice.session()).accessToken();
        assertProblem(server.get("/api/v1/me", "Authorization", bearer(token)), 401, "unauthorized");
    }

    @Test
    void a_refresh_token_is_no_access_token() {
        var refresh = sessions.tokens.issue(alice.account(), alice.session()).refreshToken();
        assertProblem(server.get("/api/v1/me", "Authorization", bearer(refresh)), 401, "unauthorized");
    }

    @Test
    void the_token_of_an_ended_session_is_a_401() {
        var token = sessions.accessToken(alice);
        sessions.end(alice);
        var problem = assertProblem(server.get("/api/v1/me", "Authorization", bearer(token)), 401, "unauthorized");
        assertThat(problem.path("detail").asText()).contains("ended");
    }

    @Test
    void a_token_used_before_is_refused_once_its_session_ends() {
        var token = sessions.accessToken(alice);
        assertThat(server.get("/api/v1/me", "Authorization", bearer(token)).statusCode()).isEqualTo(200);
        assertThat(server.get("/api/v1/me", "Authorization", bearer(token)).statusCode()).isEqualTo(200);
        sessions.end(alice);
        var problem = assertProblem(server.get("/api/v1/me", "Authorization", bearer(token)), 401, "unauthorized");
        assertThat(problem.path("detail").asText()).as("the token checks out; its session does not").contains("ended");
    }

    @Test
    void a_token_naming_someone_elses_session_is_a_401() {
        var bob = sessions.open("bob", Role.MEMBER);
        var mixed = sessions.tokens.issue(alice.account(), bob.session()).accessToken();
        assertProblem(server.get("/api/v1/me", "Authorization", bearer(mixed)), 401, "unauthorized");
    }

    @Test
    void hostile_authorization_headers_are_401s() {
        for (var header : new String[] {"Basic YWxpY2U6cHc=", "Bearer", "Bearer ", "Bearer a.b", "Bearer " + "x".repeat(6000),
                "Bearer ..", "Bearer e30.e30.e30", "Token abc"}) {
            assertProblem(server.get("/api/v1/me", "Authorization", header), 401, "unauthorized");
        }
    }

    @Test
    void roles_come_from_the_session_not_the_token() {
        var token = sessions.accessToken(alice);
        var roles = json(server.get("/api/v1/me", "Authorization", bearer(token))).path("roles");
        assertThat(roles.size()).isEqualTo(Set.of(Role.MEMBER, Role.SYSOP).size());
    }
}
