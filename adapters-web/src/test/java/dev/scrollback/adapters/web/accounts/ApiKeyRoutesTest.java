package dev.scrollback.adapters.web.accounts;

import static dev.scrollback.adapters.web.TestServer.assertProblem;
import static dev.scrollback.adapters.web.TestServer.bearer;
import static dev.scrollback.adapters.web.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.adapters.web.Sessions;
import dev.scrollback.adapters.web.TestServer;
import dev.scrollback.application.accounts.AuthenticateApiKey;
import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.accounts.IssueApiKey;
import dev.scrollback.application.accounts.ListApiKeys;
import dev.scrollback.application.accounts.PlainApiKey;
import dev.scrollback.domain.accounts.ApiKeyId;
import dev.scrollback.domain.accounts.ApiKeyName;
import dev.scrollback.domain.accounts.ApiKeyRejected;
import dev.scrollback.domain.accounts.Role;
import dev.scrollback.domain.accounts.Scope;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API key routes over HTTP with the use cases faked, and API keys as bearer credentials. */
class ApiKeyRoutesTest {
    static final ApiKeyId ID = ApiKeyId.parse("0195f0a0-0000-7000-8000-0000000000aa");
    static final String KEY = "sbk_" + ID.compact() + "_" + "a".repeat(52);
    static final String REVOKED_KEY = "sbk_" + ID.compact() + "_" + "b".repeat(52);
    static final Instant NOW = Instant.parse("2025-03-01T20:00:00Z");

    @TempDir Path keys;
    Sessions sessions;
    Caller alice;
    Caller robot;
    TestServer server;
    final AtomicReference<IssueApiKey.Command> issued = new AtomicReference<>();
    final AtomicReference<Caller> listedFor = new AtomicReference<>();
    final List<ApiKeyId> revoked = new ArrayList<>();

    @BeforeEach
    void setUp() {
        sessions = new Sessions(keys);
        alice = sessions.open("alice", Role.MEMBER);
        robot = Caller.withApiKey(alice.account(), alice.handle(), ID, Set.of(Scope.EVENTS_READ), Set.of(Role.MEMBER));
        AuthenticateApiKey apiKeys = key -> key.value().equals(KEY) ? new AuthenticateApiKey.Check.Valid(robot)
                : key.value().equals(REVOKED_KEY) ? new AuthenticateApiKey.Check.Revoked() : new AuthenticateApiKey.Check.Unknown();
        var authentication = new Authentication(sessions.tokens, sessions.authenticateSession, apiKeys);
        IssueApiKey issue = (caller, command, origin) -> {
            caller.session();
            issued.set(command);
            return new IssueApiKey.Issued(ID, command.name(), command.scopes(), new PlainApiKey(KEY), NOW,
                    command.lifetime().map(NOW::plus));
        };
        ListApiKeys list = caller -> {
            listedFor.set(caller);
            caller.session();
            return List.of(new ListApiKeys.ApiKeySummary(ID, new ApiKeyName("ci"), Set.of(Scope.EVENTS_READ, Scope.ADMIN),
                    NOW, Optional.empty(), Optional.of(NOW.plusSeconds(60))));
        };
        server = TestServer.start(new ApiKeyRoutes(issue, list, (caller, key, origin) -> {
            caller.session();
            if (!key.equals(ID)) throw new ApiKeyRejected(new ApiKeyRejected.NoSuchKey(key));
            revoked.add(key);
        }, authentication, java.time.Clock.fixed(NOW.plusSeconds(120), java.time.ZoneOffset.UTC)));
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    String[] asAlice() {
        return new String[] {"Authorization", bearer(sessions.accessToken(alice))};
    }

    @Test
    void a_new_key_is_answered_once_with_its_scopes() {
        var response = server.post("/api/v1/me/api-keys",
                "{\"name\": \"ci\", \"scopes\": [\"events:read\", \"boards:write\", \"events:read\"], \"expiresInDays\": 30}", asAlice());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        var body = json(response);
        assertThat(body.path("id").asText()).isEqualTo(ID.toString());
        assertThat(body.path("key").asText()).isEqualTo(KEY);
        assertThat(body.path("scopes").toString()).isEqualTo("[\"events:read\",\"boards:write\"]");
        assertThat(body.path("createdAt").asText()).isEqualTo("2025-03-01T20:00:00Z");
        assertThat(issued.get().lifetime()).contains(Duration.ofDays(30));
        assertThat(issued.get().scopes()).containsExactlyInAnyOrder(Scope.EVENTS_READ, Scope.BOARDS_WRITE);
    }

    @Test
    void bad_forms_are_400_naming_the_field() {
        for (var form : List.of("{\"scopes\": [\"events:read\"]}", "{\"name\": \"ci\"}", "{\"name\": \"ci\", \"scopes\": []}",
                "{\"name\": \"ci\", \"scopes\": [\"events:write\"]}", "{\"name\": \"ci\", \"scopes\": [\"events:read\", 5]}",
                "{\"name\": \"ci\", \"scopes\": [\"admin\"], \"expiresInDays\": 0}",
                "{\"name\": \"" + "x".repeat(65) + "\", \"scopes\": [\"admin\"]}")) {
            var problem = assertProblem(server.post("/api/v1/me/api-keys", form, asAlice()), 400, "validation-failed");
            assertThat(problem.path("field").asText()).as(form).isIn("name", "scopes", "scopes[1]", "expiresInDays");
        }
        var unknown = assertProblem(server.post("/api/v1/me/api-keys", "{\"name\": \"ci\", \"scopes\": [\"events:write\"]}",
                asAlice()), 400, "validation-failed");
        assertThat(unknown.path("detail").asText()).contains("'events:write'").contains("events:read, audit:read, admin, boards:write");
        assertThat(issued.get()).isNull();
    }

    @Test
    void the_list_never_holds_a_key() {
        var response = server.get("/api/v1/me/api-keys", asAlice());
        assertThat(response.statusCode()).isEqualTo(200);
        var listed = json(response).path("apiKeys").get(0);
        assertThat(listed.path("id").asText()).isEqualTo(ID.toString());
        assertThat(listed.path("scopes").toString()).isEqualTo("[\"events:read\",\"admin\"]");
        assertThat(listed.path("revokedAt").asText()).isEqualTo("2025-03-01T20:01:00Z");
        assertThat(listed.path("live").asBoolean()).isFalse();
        assertThat(listed.has("key")).isFalse();
        assertThat(response.body()).doesNotContain(KEY);
    }

    @Test
    void revoking_is_204_and_an_unknown_or_malformed_id_is_404() {
        assertThat(server.delete("/api/v1/me/api-keys/" + ID, asAlice()).statusCode()).isEqualTo(204);
        assertThat(revoked).containsExactly(ID);
        assertProblem(server.delete("/api/v1/me/api-keys/" + UUID.randomUUID(), asAlice()), 404, "not-found");
        assertProblem(server.delete("/api/v1/me/api-keys/not-an-id", asAlice()), 404, "not-found");
    }

    @Test
    void an_api_key_is_a_bearer_credential_but_cannot_manage_keys() {
        var denied = assertProblem(server.get("/api/v1/me/api-keys", "Authorization", bearer(KEY)), 403, "forbidden");
        assertThat(denied.path("detail").asText()).contains("interactive login");
        assertThat(listedFor.get()).isEqualTo(robot);
        assertProblem(server.post("/api/v1/me/api-keys", "{\"name\": \"ci\", \"scopes\": [\"admin\"]}", "Authorization",
                bearer(KEY)), 403, "forbidden");
        assertProblem(server.delete("/api/v1/me/api-keys/" + ID, "Authorization", bearer(KEY)), 403, "forbidden");
        assertThat(revoked).isEmpty();
    }

    @Test
    void revoked_unknown_and_hostile_keys_are_401_with_a_clear_detail() {
        var revokedKey = assertProblem(server.get("/api/v1/me/api-keys", "Authorization", bearer(REVOKED_KEY)), 401, "unauthorized");
        assertThat(revokedKey.path("detail").asText()).contains("revoked");
        for (var credential : List.of("sbk_", "sbk_" + "z".repeat(5000), "sbk_\u00e9\u00e9", "sbk_" + ID.compact() + "_short")) {
            var response = server.get("/api/v1/me/api-keys", "Authorization", bearer(credential));
            var problem = assertProblem(response, 401, "unauthorized");
            assertThat(problem.path("detail").asText()).contains("API key is not valid");
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"scrollback\", error=\"invalid_token\"");
        }
        assertProblem(server.get("/api/v1/me/api-keys", "Authorization", "Basic " + KEY), 401, "unauthorized");
        assertProblem(server.get("/api/v1/me/api-keys", "Authorization", bearer("garbage.garbage.garbage")), 401, "unauthorized");
    }
}
