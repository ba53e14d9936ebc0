package dev.scrollback.domain.accounts;

import static dev.scrollback.domain.accounts.AccountDeciderTest.ACCOUNT;
import static dev.scrollback.domain.accounts.AccountDeciderTest.REGISTERED;
import static dev.scrollback.domain.accounts.AccountDeciderTest.T0;
import static dev.scrollback.domain.accounts.AccountDeciderTest.VERIFIED;
import static dev.scrollback.domain.accounts.AccountDeciderTest.registered;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.domain.accounts.AccountCommand.GrantRole;
import dev.scrollback.domain.accounts.AccountCommand.RevokeRole;
import dev.scrollback.domain.accounts.AccountEvent.RoleGranted;
import dev.scrollback.domain.accounts.AccountEvent.RoleRevoked;
import dev.scrollback.domain.accounts.AccountRejected.UnknownAccount;
import dev.scrollback.domain.accounts.RoleRejected.DerivedRole;
import dev.scrollback.domain.accounts.RoleRejected.LastSysop;
import dev.scrollback.domain.shared.DeciderSpec;
import org.junit.jupiter.api.Test;

class RoleRevocationTest {
    static final RoleGranted MODERATOR = new RoleGranted(ACCOUNT, Role.MODERATOR, T0);
    static final RoleGranted SYSOP = new RoleGranted(ACCOUNT, Role.SYSOP, T0);

    final DeciderSpec<AccountCommand, AccountState, AccountEvent> spec = new DeciderSpec<>(new AccountDecider());

    @Test
    void a_role_held_is_revoked_and_no_longer_counts() {
        spec.given(REGISTERED, VERIFIED, MODERATOR)
                .when(new RevokeRole(Role.MODERATOR, 1, T0.plusSeconds(5)))
                .then(new RoleRevoked(ACCOUNT, Role.MODERATOR, T0.plusSeconds(5)))
                .thenStateSatisfies(state -> assertThat(registered(state).effectiveRoles()).containsExactly(Role.MEMBER));
    }

    @Test
    void revoking_a_role_not_held_changes_nothing() {
        spec.given(REGISTERED, VERIFIED)
                .when(new RevokeRole(Role.AUDITOR, 1, T0))
                .thenNothing();
    }

    @Test
    void a_role_revoked_can_be_granted_again() {
        spec.given(REGISTERED, VERIFIED, MODERATOR, new RoleRevoked(ACCOUNT, Role.MODERATOR, T0.plusSeconds(1)))
                .when(new GrantRole(Role.MODERATOR, T0.plusSeconds(2)))
                .then(new RoleGranted(ACCOUNT, Role.MODERATOR, T0.plusSeconds(2)));
    }

    @Test
    void a_sysop_role_is_revoked_while_another_sysop_remains() {
        spec.given(REGISTERED, VERIFIED, SYSOP)
                .when(new RevokeRole(Role.SYSOP, 1, T0.plusSeconds(5)))
                .then(new RoleRevoked(ACCOUNT, Role.SYSOP, T0.plusSeconds(5)));
    }

    @Test
    void the_last_sysop_keeps_the_role() {
        spec.given(REGISTERED, VERIFIED, SYSOP)
                .when(new RevokeRole(Role.SYSOP, 0, T0.plusSeconds(5)))
                .thenRejectedWith(new LastSysop());
    }

    @Test
    void member_and_guest_follow_from_verification_and_are_neither_revoked_nor_granted() {
        spec.given(REGISTERED, VERIFIED).when(new RevokeRole(Role.MEMBER, 1, T0)).thenRejectedWith(new DerivedRole(Role.MEMBER));
        spec.given(REGISTERED).when(new RevokeRole(Role.GUEST, 1, T0)).thenRejectedWith(new DerivedRole(Role.GUEST));
        spec.given(REGISTERED).when(new GrantRole(Role.MEMBER, T0)).thenRejectedWith(new DerivedRole(Role.MEMBER));
        spec.given(REGISTERED, VERIFIED).when(new GrantRole(Role.GUEST, T0)).thenRejectedWith(new DerivedRole(Role.GUEST));
    }

    @Test
    void no_role_is_revoked_from_an_unknown_account() {
        spec.given()
                .when(new RevokeRole(Role.MODERATOR, 1, T0))
                .thenRejectedWith(new UnknownAccount());
    }

    @Test
    void roles_are_found_by_their_exact_wire_name_only() {
        assertThat(Role.ofWireName("moderator")).contains(Role.MODERATOR);
        for (var name : java.util.List.of("MODERATOR", " sysop", "", "wizard", "x".repeat(10_000))) {
            assertThat(Role.ofWireName(name)).isEmpty();
        }
    }
}
