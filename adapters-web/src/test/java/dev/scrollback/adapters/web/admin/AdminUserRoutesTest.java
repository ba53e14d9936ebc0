package dev.scrollback.adapters.web.admin;

import static dev.scrollback.adapters.web.TestServer.assertProblem;
import static dev.scrollback.adapters.web.TestServer.bearer;
import static dev.scrollback.adapters.web.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.adapters.web.Sessions;
import dev.scrollback.adapters.web.TestServer;
import dev.scrollback.application.accounts.AccessDenied;
import dev.scrollback.application.accounts.ForcePasswordReset;
import dev.scrollback.application.accounts.LockAccount;
import dev.scrollback.application.accounts.ResetAccountTotp;
import dev.scrollback.application.accounts.UnlockAccount;
import dev.scrollback.domain.accounts.AccountRejected;
import dev.scrollback.domain.accounts.Role;
import dev.scrollback.domain.shared.Handle;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminUserRoutesTest {
    @TempDir Path keys;

    /** Like the real use case: the role check and the lookup happen in the application. */
    static final UnlockAccount UNLOCK = (sysop, handle, origin) -> {
        AccessDenied.unlessAny(sysop, Role.SYSOP);
        if (handle.equals(new Handle("nobody"))) throw new AccountRejected(new AccountRejected.UnknownAccount());
        return new UnlockAccount.Outcome(handle, true);
    };

    final java.util.List<String> locks = new java.util.concurrent.CopyOnWriteArrayList<>();

    AdminUserRoutes routes(Sessions sessions) {
        LockAccount lock = (sysop, handle, until, note, origin) -> {
            dev.scrollback.application.accounts.AccessDenied.unlessAny(sysop, Role.SYSOP);
            locks.add(handle.value() + " " + until.map(Object::toString).orElse("indefinitely") + " " + note.map(n -> n.value()).orElse("-"));
            return new LockAccount.Outcome(handle, until, 1);
        };
        ForcePasswordReset force = (sysop, handle, origin) -> new ForcePasswordReset.Outcome(handle, NOW.plusSeconds(1800), 2, true);
        ResetAccountTotp totp = (sysop, handle, origin) -> new ResetAccountTotp.Outcome(handle, true);
        return new AdminUserRoutes(UNLOCK, lock, force, totp, sessions.authentication, java.time.Clock.fixed(NOW, java.time.ZoneOffset.UTC));
    }

    static final java.time.Instant NOW = java.time.Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void a_sysop_locks_for_a_duration_until_an_instant_or_indefinitely_with_a_note() {
        var sessions = new Sessions(keys);
        var sysop = sessions.open("root", Role.SYSOP);
        try (var server = TestServer.start(routes(sessions))) {
            var auth = bearer(sessions.accessToken(sysop));
            var timed = server.post("/api/v1/admin/users/alice/lock", "{\"duration\":\"PT2H\",\"note\":\"calm down\"}", "Authorization", auth);
            assertThat(timed.statusCode()).isEqualTo(200);
            assertThat(json(timed).path("until").asText()).isEqualTo("2026-01-01T02:00:00Z");
            assertThat(json(timed).path("sessionsEnded").asInt()).isEqualTo(1);
            server.post("/api/v1/admin/users/bob/lock", "{\"until\":\"2026-02-01T00:00:00Z\"}", "Authorization", auth);
            var forever = server.post("/api/v1/admin/users/carol/lock", "{}", "Authorization", auth);
            assertThat(json(forever).path("until").isNull()).isTrue();
            assertThat(locks).containsExactly("alice 2026-01-01T02:00:00Z calm down", "bob 2026-02-01T00:00:00Z -",
                    "carol indefinitely -");
        }
    }

    @Test
    void hostile_lock_requests_are_clear_400s_and_lock_nobody() {
        var sessions = new Sessions(keys);
        var sysop = sessions.open("root", Role.SYSOP);
        try (var server = TestServer.start(routes(sessions))) {
            var auth = bearer(sessions.accessToken(sysop));
            for (var body : java.util.List.of("{\"duration\":\"PT-2H\"}", "{\"duration\":\"P99999D\"}", "{\"duration\":\"2 hours\"}",
                    "{\"until\":\"tomorrow\"}", "{\"until\":\"2026-02-01T00:00:00Z\",\"duration\":\"PT1H\"}",
                    "{\"note\":\"" + "x".repeat(500) + "\"}", "{\"note\":\"line\\nbreak\"}", "[]", "{\"note\":7}")) {
                assertProblem(server.post("/api/v1/admin/users/alice/lock", body, "Authorization", auth), 400, "validation-failed");
            }
            assertThat(locks).isEmpty();
        }
    }

    @Test
    void a_sysop_forces_a_password_reset_and_resets_totp() {
        var sessions = new Sessions(keys);
        var sysop = sessions.open("root", Role.SYSOP);
        try (var server = TestServer.start(routes(sessions))) {
            var auth = bearer(sessions.accessToken(sysop));
            var reset = server.post("/api/v1/admin/users/alice/password-reset", "", "Authorization", auth);
            assertThat(reset.statusCode()).isEqualTo(200);
            assertThat(json(reset).path("sessionsEnded").asInt()).isEqualTo(2);
            assertThat(json(reset).path("mailed").asBoolean()).isTrue();
            var totp = server.send(server.request("/api/v1/admin/users/alice/totp", "Authorization", auth).DELETE());
            assertThat(totp.statusCode()).isEqualTo(200);
            assertThat(json(totp).path("wasEnabled").asBoolean()).isTrue();
        }
    }

    @Test
    void a_sysop_unlocks_an_account() {
        var sessions = new Sessions(keys);
        var sysop = sessions.open("root", Role.SYSOP);
        try (var server = TestServer.start(routes(sessions))) {
            var response = server.post("/api/v1/admin/users/alice/unlock", "", "Authorization", bearer(sessions.accessToken(sysop)));
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(json(response).path("handle").asText()).isEqualTo("alice");
            assertThat(json(response).path("wasLocked").asBoolean()).isTrue();
        }
    }

    @Test
    void a_member_is_forbidden_an_unknown_handle_is_404_and_no_token_is_401() {
        var sessions = new Sessions(keys);
        var member = sessions.open("alice", Role.MEMBER);
        var sysop = sessions.open("root", Role.SYSOP);
        try (var server = TestServer.start(routes(sessions))) {
            assertProblem(server.post("/api/v1/admin/users/bob/unlock", "", "Authorization", bearer(sessions.accessToken(member))),
                    403, "forbidden");
            assertProblem(server.post("/api/v1/admin/users/nobody/unlock", "", "Authorization", bearer(sessions.accessToken(sysop))),
                    404, "not-found");
            assertProblem(server.post("/api/v1/admin/users/bob/unlock", ""), 401, "unauthorized");
        }
    }
}
