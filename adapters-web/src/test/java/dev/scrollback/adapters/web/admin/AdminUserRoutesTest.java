package dev.scrollback.adapters.web.admin;

import static dev.scrollback.adapters.web.TestServer.assertProblem;
import static dev.scrollback.adapters.web.TestServer.bearer;
import static dev.scrollback.adapters.web.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.adapters.web.Sessions;
import dev.scrollback.adapters.web.TestServer;
import dev.scrollback.application.accounts.AccessDenied;
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

    @Test
    void a_sysop_unlocks_an_account() {
        var sessions = new Sessions(keys);
        var sysop = sessions.open("root", Role.SYSOP);
        try (var server = TestServer.start(new AdminUserRoutes(UNLOCK, sessions.authentication))) {
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
        try (var server = TestServer.start(new AdminUserRoutes(UNLOCK, sessions.authentication))) {
            assertProblem(server.post("/api/v1/admin/users/bob/unlock", "", "Authorization", bearer(sessions.accessToken(member))),
                    403, "forbidden");
            assertProblem(server.post("/api/v1/admin/users/nobody/unlock", "", "Authorization", bearer(sessions.accessToken(sysop))),
                    404, "not-found");
            assertProblem(server.post("/api/v1/admin/users/bob/unlock", ""), 401, "unauthorized");
        }
    }
}
