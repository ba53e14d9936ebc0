package dev.scrollback.adapters.web.admin;

import static dev.scrollback.adapters.web.TestServer.assertProblem;
import static dev.scrollback.adapters.web.TestServer.bearer;
import static dev.scrollback.adapters.web.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.adapters.web.Sessions;
import dev.scrollback.adapters.web.TestServer;
import dev.scrollback.application.accounts.AccessDenied;
import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.accounts.ManageRoles;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.domain.accounts.AccountRejected;
import dev.scrollback.domain.accounts.Role;
import dev.scrollback.domain.accounts.RoleRejected;
import dev.scrollback.domain.shared.Handle;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminRoleRoutesTest {
    static final Handle ALICE = new Handle("alice");

    @TempDir Path keys;

    /** Like the real use case: role check, lookup and refusals happen in the application; alice starts as a member. */
    static final class FakeRoles implements ManageRoles {
        final EnumSet<Role> alice = EnumSet.of(Role.MEMBER);
        final List<String> calls = new CopyOnWriteArrayList<>();

        @Override
        public Outcome grant(Caller sysop, Handle handle, Role role, Origin origin) {
            check(sysop, handle, role);
            calls.add("grant " + role.wireName() + " by " + sysop.handle().value());
            boolean changed = alice.add(role);
            return new Outcome(ALICE, Set.copyOf(alice), changed);
        }

        @Override
        public Outcome revoke(Caller sysop, Handle handle, Role role, Origin origin) {
            check(sysop, handle, role);
            if (role == Role.SYSOP && handle.equals(sysop.handle())) throw new RoleRejected(new RoleRejected.LastSysop());
            calls.add("revoke " + role.wireName() + " by " + sysop.handle().value());
            boolean changed = alice.remove(role);
            return new Outcome(ALICE, Set.copyOf(alice), changed);
        }

        private static void check(Caller sysop, Handle handle, Role role) {
            AccessDenied.unlessAny(sysop, Role.SYSOP);
            if (!handle.equals(ALICE) && !handle.equals(sysop.handle())) throw new AccountRejected(new AccountRejected.UnknownAccount());
            if (role == Role.MEMBER || role == Role.GUEST) throw new RoleRejected(new RoleRejected.DerivedRole(role));
        }
    }

    @Test
    void a_sysop_grants_and_revokes_a_role_and_gets_the_roles_back() {
        var sessions = new Sessions(keys);
        var root = bearer(sessions.accessToken(sessions.open("root", Role.SYSOP)));
        var roles = new FakeRoles();
        try (var server = TestServer.start(new AdminRoleRoutes(roles, sessions.authentication))) {
            var granted = server.post("/api/v1/admin/users/Alice/roles/moderator", "", "Authorization", root);
            assertThat(granted.statusCode()).isEqualTo(200);
            assertThat(json(granted).path("handle").asText()).isEqualTo("alice");
            assertThat(json(granted).path("roles").toString()).isEqualTo("[\"moderator\",\"member\"]");

            var revoked = server.delete("/api/v1/admin/users/alice/roles/moderator", "Authorization", root);
            assertThat(revoked.statusCode()).isEqualTo(200);
            assertThat(json(revoked).path("roles").toString()).isEqualTo("[\"member\"]");
            assertThat(roles.calls).containsExactly("grant moderator by root", "revoke moderator by root");
        }
    }

    @Test
    void a_member_is_forbidden_an_unknown_handle_is_404_and_no_token_is_401() {
        var sessions = new Sessions(keys);
        var member = bearer(sessions.accessToken(sessions.open("bob", Role.MEMBER)));
        var root = bearer(sessions.accessToken(sessions.open("root", Role.SYSOP)));
        try (var server = TestServer.start(new AdminRoleRoutes(new FakeRoles(), sessions.authentication))) {
            assertProblem(server.post("/api/v1/admin/users/alice/roles/sysop", "", "Authorization", member), 403, "forbidden");
            assertProblem(server.delete("/api/v1/admin/users/alice/roles/sysop", "Authorization", member), 403, "forbidden");
            assertProblem(server.post("/api/v1/admin/users/nobody/roles/sysop", "", "Authorization", root), 404, "not-found");
            assertProblem(server.delete("/api/v1/admin/users/alice/roles/sysop"), 401, "unauthorized");
        }
    }

    @Test
    void unknown_or_hostile_role_names_are_400_and_derived_roles_and_the_last_sysop_are_409() {
        var sessions = new Sessions(keys);
        var root = bearer(sessions.accessToken(sessions.open("root", Role.SYSOP)));
        try (var server = TestServer.start(new AdminRoleRoutes(new FakeRoles(), sessions.authentication))) {
            for (var name : List.of("wizard", "SYSOP", "sysop-", "member;sysop", "x".repeat(2000))) {
                assertProblem(server.post("/api/v1/admin/users/alice/roles/" + name, "", "Authorization", root),
                        400, "validation-failed");
            }
            assertProblem(server.delete("/api/v1/admin/users/alice/roles/member", "Authorization", root), 409, "conflict");
            assertProblem(server.post("/api/v1/admin/users/alice/roles/guest", "", "Authorization", root), 409, "conflict");
            assertProblem(server.delete("/api/v1/admin/users/root/roles/sysop", "Authorization", root), 409, "conflict");
        }
    }
}
