package dev.scrollback.adapters.web.admin;

import static dev.scrollback.adapters.web.TestServer.assertProblem;
import static dev.scrollback.adapters.web.TestServer.bearer;
import static dev.scrollback.adapters.web.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.adapters.web.Sessions;
import dev.scrollback.adapters.web.TestServer;
import dev.scrollback.application.accounts.AccessDenied;
import dev.scrollback.application.accounts.AccountLock;
import dev.scrollback.application.accounts.ListUsers;
import dev.scrollback.application.accounts.UserCursor;
import dev.scrollback.application.accounts.UserSummary;
import dev.scrollback.application.presence.ShowUser;
import dev.scrollback.application.presence.ShowUser.LoginFact;
import dev.scrollback.application.shared.Actor;
import dev.scrollback.domain.accounts.AccountEvent.LockCause;
import dev.scrollback.domain.accounts.AccountEvent.LoginFailure;
import dev.scrollback.domain.accounts.AccountEvent.UnlockReason;
import dev.scrollback.domain.accounts.AccountRejected;
import dev.scrollback.domain.accounts.EmailAddress;
import dev.scrollback.domain.accounts.LockNote;
import dev.scrollback.domain.accounts.Role;
import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.Channel;
import dev.scrollback.domain.shared.Handle;
import dev.scrollback.domain.shared.RemoteAddress;
import dev.scrollback.domain.shared.SessionId;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminUserDirectoryRoutesTest {
    static final Instant T0 = Instant.parse("2025-03-01T20:00:00Z");
    static final AccountId ALICE = new AccountId(UUID.fromString("01890a5d-ac96-774b-bcce-b302099a8057"));
    static final SessionId SESSION = new SessionId(UUID.fromString("01890a5d-ac96-774b-bcce-b302099a8058"));
    static final UserSummary ALICE_ROW = new UserSummary(ALICE, new Handle("Alice"), T0, true, Set.of(Role.MEMBER, Role.AUDITOR),
            Optional.of(new AccountLock(LockCause.SYSOP, Optional.empty(), Optional.of(new LockNote("Call me.")))), true,
            Optional.of(T0.plusSeconds(60)));

    @TempDir Path keys;

    final AtomicReference<ListUsers.Query> asked = new AtomicReference<>();

    /** Like the real use cases: the role check and the lookup happen in the application. */
    final ListUsers list = (sysop, query) -> {
        AccessDenied.unlessAny(sysop, Role.SYSOP);
        asked.set(query);
        return new ListUsers.Page(List.of(ALICE_ROW), Optional.of(new UserCursor("alice")));
    };

    final ShowUser show = (sysop, handle) -> {
        AccessDenied.unlessAny(sysop, Role.SYSOP);
        if (!handle.equals(new Handle("alice"))) throw new AccountRejected(new AccountRejected.UnknownAccount());
        var home = Optional.of(new RemoteAddress("192.0.2.7"));
        return new ShowUser.UserDetails(ALICE_ROW, Optional.of(new EmailAddress("alice@example.test")), List.of(
                new ShowUser.LoginRecord(T0.plusSeconds(90), Channel.WEB, home, Actor.user(new AccountId(UUID.randomUUID()),
                        new Handle("root")), new LoginFact.Locked(LockCause.SYSOP, Optional.empty(), Optional.of(new LockNote("Call me.")))),
                new ShowUser.LoginRecord(T0.plusSeconds(60), Channel.TELNET, home, Actor.user(ALICE, new Handle("Alice")),
                        new LoginFact.Succeeded(SESSION)),
                new ShowUser.LoginRecord(T0.plusSeconds(30), Channel.WEB, Optional.empty(), Actor.anonymous(),
                        new LoginFact.Failed(LoginFailure.WRONG_TOTP)),
                new ShowUser.LoginRecord(T0, Channel.WEB, home, Actor.anonymous(), new LoginFact.Unlocked(UnlockReason.OWNER_CODE))),
                List.of(new ShowUser.OpenSession(SESSION, Channel.TELNET, home, T0.plusSeconds(60))));
    };

    @Test
    void a_sysop_gets_a_page_of_users_with_the_cursor_for_the_next() {
        var sessions = new Sessions(keys);
        var sysop = sessions.open("root", Role.SYSOP);
        try (var server = TestServer.start(new AdminUserDirectoryRoutes(list, show, sessions.authentication))) {
            var response = server.get("/api/v1/admin/users?q=ali&limit=7&cursor=" + new UserCursor("aaron").token(),
                    "Authorization", bearer(sessions.accessToken(sysop)));

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(asked.get()).isEqualTo(new ListUsers.Query(Optional.of(new dev.scrollback.application.accounts.UserSearch("ali")),
                    Optional.of(new UserCursor("aaron")), 7));
            var body = json(response);
            assertThat(body.path("next").asText()).isEqualTo(new UserCursor("alice").token());
            var alice = body.path("users").get(0);
            assertThat(alice.path("handle").asText()).isEqualTo("Alice");
            assertThat(alice.path("accountId").asText()).isEqualTo(ALICE.toString());
            assertThat(alice.path("registeredAt").asText()).isEqualTo("2025-03-01T20:00:00Z");
            assertThat(alice.path("roles").toString()).isEqualTo("[\"auditor\",\"member\"]");
            assertThat(alice.path("locked").asBoolean()).isTrue();
            assertThat(alice.path("lock").path("cause").asText()).isEqualTo("sysop");
            assertThat(alice.path("lock").path("until").isNull()).as("until a sysop unlocks it").isTrue();
            assertThat(alice.path("lock").path("note").asText()).isEqualTo("Call me.");
            assertThat(alice.path("totpEnabled").asBoolean()).isTrue();
            assertThat(alice.path("lastLoginAt").asText()).isEqualTo("2025-03-01T20:01:00Z");
            assertThat(alice.has("email")).isFalse();
        }
    }

    @Test
    void without_parameters_the_first_page_of_fifty_is_asked_for() {
        var sessions = new Sessions(keys);
        var sysop = sessions.open("root", Role.SYSOP);
        try (var server = TestServer.start(new AdminUserDirectoryRoutes(list, show, sessions.authentication))) {
            assertThat(server.get("/api/v1/admin/users?q=&cursor=", "Authorization", bearer(sessions.accessToken(sysop)))
                    .statusCode()).isEqualTo(200);
            assertThat(asked.get()).isEqualTo(new ListUsers.Query(Optional.empty(), Optional.empty(), ListUsers.DEFAULT_LIMIT));
        }
    }

    @Test
    void a_sysop_sees_one_user_with_email_login_history_and_sessions() {
        var sessions = new Sessions(keys);
        var sysop = sessions.open("root", Role.SYSOP);
        try (var server = TestServer.start(new AdminUserDirectoryRoutes(list, show, sessions.authentication))) {
            var response = server.get("/api/v1/admin/users/ALICE", "Authorization", bearer(sessions.accessToken(sysop)));

            assertThat(response.statusCode()).isEqualTo(200);
            var body = json(response);
            assertThat(body.path("handle").asText()).isEqualTo("Alice");
            assertThat(body.path("email").asText()).isEqualTo("alice@example.test");
            assertThat(body.path("locked").asBoolean()).isTrue();
            var logins = body.path("logins");
            assertThat(logins.get(0).path("type").asText()).isEqualTo("AccountLocked");
            assertThat(logins.get(0).path("cause").asText()).isEqualTo("sysop");
            assertThat(logins.get(0).path("actor").path("handle").asText()).isEqualTo("root");
            assertThat(logins.get(1).path("type").asText()).isEqualTo("LoginSucceeded");
            assertThat(logins.get(1).path("channel").asText()).isEqualTo("telnet");
            assertThat(logins.get(1).path("address").asText()).isEqualTo("192.0.2.7");
            assertThat(logins.get(1).path("sessionId").asText()).isEqualTo(SESSION.toString());
            assertThat(logins.get(2).path("type").asText()).isEqualTo("LoginFailed");
            assertThat(logins.get(2).path("reason").asText()).isEqualTo("wrong_totp");
            assertThat(logins.get(2).path("address").isNull()).isTrue();
            assertThat(logins.get(2).path("actor").path("kind").asText()).isEqualTo("user");
            assertThat(logins.get(3).path("type").asText()).isEqualTo("AccountUnlocked");
            assertThat(logins.get(3).path("reason").asText()).isEqualTo("owner_code");
            var session = body.path("sessions").get(0);
            assertThat(session.path("id").asText()).isEqualTo(SESSION.toString());
            assertThat(session.path("channel").asText()).isEqualTo("telnet");
            assertThat(session.path("since").asText()).isEqualTo("2025-03-01T20:01:00Z");
        }
    }

    @Test
    void a_member_is_forbidden_an_unknown_handle_is_404_and_no_token_is_401() {
        var sessions = new Sessions(keys);
        var member = sessions.open("alice", Role.MEMBER);
        var sysop = sessions.open("root", Role.SYSOP);
        try (var server = TestServer.start(new AdminUserDirectoryRoutes(list, show, sessions.authentication))) {
            assertProblem(server.get("/api/v1/admin/users", "Authorization", bearer(sessions.accessToken(member))), 403, "forbidden");
            assertProblem(server.get("/api/v1/admin/users/alice", "Authorization", bearer(sessions.accessToken(member))),
                    403, "forbidden");
            assertProblem(server.get("/api/v1/admin/users/nobody", "Authorization", bearer(sessions.accessToken(sysop))),
                    404, "not-found");
            assertProblem(server.get("/api/v1/admin/users"), 401, "unauthorized");
            assertProblem(server.get("/api/v1/admin/users/alice"), 401, "unauthorized");
        }
    }

    @Test
    void odd_query_parameters_are_400_naming_the_parameter() {
        var sessions = new Sessions(keys);
        var sysop = sessions.open("root", Role.SYSOP);
        try (var server = TestServer.start(new AdminUserDirectoryRoutes(list, show, sessions.authentication))) {
            var token = bearer(sessions.accessToken(sysop));
            for (var query : List.of("q=" + "x".repeat(101), "q=%20%20", "q=a%0Ab", "q=a&q=b")) {
                var problem = assertProblem(server.get("/api/v1/admin/users?" + query, "Authorization", token), 400, "validation-failed");
                assertThat(problem.path("field").asText()).as(query).isEqualTo("q");
            }
            for (var query : List.of("cursor=!!!", "cursor=YWxpY2U", "cursor=aDE6", "cursor=" + "A".repeat(401), "cursor=%C3%28")) {
                var problem = assertProblem(server.get("/api/v1/admin/users?" + query, "Authorization", token), 400, "validation-failed");
                assertThat(problem.path("field").asText()).as(query).isEqualTo("cursor");
            }
            for (var query : List.of("limit=0", "limit=201", "limit=-5", "limit=ten", "limit=1e2", "limit=99999999999999999999999")) {
                var problem = assertProblem(server.get("/api/v1/admin/users?" + query, "Authorization", token), 400, "validation-failed");
                assertThat(problem.path("field").asText()).as(query).isEqualTo("limit");
            }
            assertProblem(server.get("/api/v1/admin/users/-not-a-handle-", "Authorization", token), 400, "validation-failed");
        }
    }
}
