package dev.scrollback.application.accounts;

import static dev.scrollback.application.accounts.AccountsFixture.PASSWORD;
import static dev.scrollback.application.accounts.AccountsFixture.WEB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scrollback.application.shared.Origin;
import dev.scrollback.domain.accounts.AccountEvent;
import dev.scrollback.domain.accounts.AccountEvent.RoleGranted;
import dev.scrollback.domain.accounts.AccountEvent.RoleRevoked;
import dev.scrollback.domain.accounts.AccountRejected;
import dev.scrollback.domain.accounts.AccountRejected.UnknownAccount;
import dev.scrollback.domain.accounts.Role;
import dev.scrollback.domain.accounts.RoleRejected;
import dev.scrollback.domain.accounts.Secret;
import dev.scrollback.domain.shared.Handle;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ManageRolesServiceTest {
    static final Handle ALICE = new Handle("alice");

    final AccountsFixture bbs = new AccountsFixture();
    Caller root;

    @BeforeEach
    void a_sysop_and_a_member() {
        bbs.createSysop.create(new CreateSysop.Command(new Handle("root"), Optional.empty(), new Secret(PASSWORD), Origin.system()));
        bbs.member("alice");
        root = bbs.logIn("root");
        project();
    }

    /** The directory is fed from the log by the persistence adapter in production; here, by hand. */
    void project() {
        bbs.log.events().forEach(e -> { if (e instanceof AccountEvent a) bbs.directory.apply(a); });
    }

    @Test
    void a_sysop_grants_a_role_which_counts_from_the_next_request_and_is_the_actor() {
        long before = bbs.log.lastPosition();
        var outcome = bbs.manageRoles.grant(root, new Handle("ALICE"), Role.MODERATOR, WEB);

        assertThat(outcome).isEqualTo(new ManageRoles.Outcome(ALICE, Set.of(Role.MODERATOR, Role.MEMBER), true));
        assertThat(bbs.since(before)).singleElement().satisfies(e -> {
            assertThat(e.event()).isInstanceOf(RoleGranted.class);
            assertThat(e.metadata().actor()).isEqualTo(root.actor());
        });
        var alice = bbs.logIn("alice");
        assertThat(bbs.authenticateSession.authenticate(alice.session(), alice.account()).orElseThrow().roles()).contains(Role.MODERATOR);
    }

    @Test
    void a_sysop_revokes_a_role_and_a_second_revocation_records_nothing() {
        bbs.manageRoles.grant(root, ALICE, Role.AUDITOR, WEB);
        var alice = bbs.logIn("alice");
        long before = bbs.log.lastPosition();

        var outcome = bbs.manageRoles.revoke(root, ALICE, Role.AUDITOR, WEB);

        assertThat(outcome).isEqualTo(new ManageRoles.Outcome(ALICE, Set.of(Role.MEMBER), true));
        assertThat(bbs.since(before)).singleElement().satisfies(e -> {
            assertThat(e.event()).isInstanceOf(RoleRevoked.class);
            assertThat(e.metadata().actor()).isEqualTo(root.actor());
        });
        assertThat(bbs.authenticateSession.authenticate(alice.session(), alice.account()).orElseThrow().roles()).doesNotContain(Role.AUDITOR);
        assertThat(bbs.manageRoles.revoke(root, ALICE, Role.AUDITOR, WEB).changed()).isFalse();
        assertThat(bbs.log.lastPosition()).isEqualTo(before + 1);
    }

    @Test
    void only_a_sysop_may_and_an_unknown_handle_is_an_unknown_account() {
        var alice = bbs.logIn("alice");
        assertThatThrownBy(() -> bbs.manageRoles.grant(alice, ALICE, Role.SYSOP, WEB)).isInstanceOf(AccessDenied.class);
        assertThatThrownBy(() -> bbs.manageRoles.revoke(alice, new Handle("root"), Role.SYSOP, WEB))
                .isInstanceOf(AccessDenied.class);
        assertThatThrownBy(() -> bbs.manageRoles.grant(root, new Handle("nobody"), Role.MODERATOR, WEB))
                .isInstanceOfSatisfying(AccountRejected.class, e -> assertThat(e.reason()).isEqualTo(new UnknownAccount()));
    }

    @Test
    void member_and_guest_are_refused() {
        assertThatThrownBy(() -> bbs.manageRoles.revoke(root, ALICE, Role.MEMBER, WEB))
                .isInstanceOfSatisfying(RoleRejected.class,
                        e -> assertThat(e.reason()).isEqualTo(new RoleRejected.DerivedRole(Role.MEMBER)));
        assertThatThrownBy(() -> bbs.manageRoles.grant(root, ALICE, Role.GUEST, WEB)).isInstanceOf(RoleRejected.class);
    }

    @Test
    void the_last_sysop_cannot_revoke_their_own_sysop_role_but_can_once_there_is_another() {
        assertThatThrownBy(() -> bbs.manageRoles.revoke(root, new Handle("root"), Role.SYSOP, WEB))
                .isInstanceOfSatisfying(RoleRejected.class,
                        e -> assertThat(e.reason()).isEqualTo(new RoleRejected.LastSysop()));

        bbs.manageRoles.grant(root, ALICE, Role.SYSOP, WEB);
        project();
        assertThat(bbs.directory.sysops()).hasSize(2);

        assertThat(bbs.manageRoles.revoke(root, new Handle("root"), Role.SYSOP, WEB).roles()).containsExactly(Role.MEMBER);
        project();
        assertThat(bbs.directory.sysops()).hasSize(1);
        assertThat(bbs.directory.anySysop()).contains(ALICE);
    }

    @Test
    void a_sysop_takes_the_role_from_another_sysop_even_before_the_directory_has_caught_up() {
        bbs.manageRoles.grant(root, ALICE, Role.SYSOP, WEB);      // not projected: the directory knows only root
        var alice = bbs.logIn("alice");

        var outcome = bbs.manageRoles.revoke(alice, new Handle("root"), Role.SYSOP, WEB);

        assertThat(outcome.roles()).doesNotContain(Role.SYSOP);
    }

    @Test
    void a_sysop_revoked_a_moment_ago_does_not_count_even_while_the_directory_still_lists_them() {
        bbs.manageRoles.grant(root, ALICE, Role.SYSOP, WEB);
        project();
        bbs.manageRoles.revoke(root, ALICE, Role.SYSOP, WEB);       // not projected: the directory still lists alice

        assertThatThrownBy(() -> bbs.manageRoles.revoke(root, new Handle("root"), Role.SYSOP, WEB))
                .isInstanceOfSatisfying(RoleRejected.class,
                        e -> assertThat(e.reason()).isEqualTo(new RoleRejected.LastSysop()));
    }
}
