package dev.scrollback.application.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.domain.accounts.AccountEvent.AccountLocked;
import dev.scrollback.domain.accounts.AccountEvent.AccountRegistered;
import dev.scrollback.domain.accounts.AccountEvent.EmailVerified;
import dev.scrollback.domain.accounts.AccountEvent.LoginSucceeded;
import dev.scrollback.domain.accounts.AccountEvent.RoleGranted;
import dev.scrollback.domain.accounts.AccountEvent.RoleRevoked;
import dev.scrollback.domain.accounts.PasswordHash;
import dev.scrollback.domain.accounts.Role;
import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.Handle;
import dev.scrollback.domain.shared.SessionId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AccountDirectoryTest {
    static final Instant T0 = Instant.parse("2025-03-01T20:00:00Z");
    static final PasswordHash HASH = new PasswordHash("plain:x");

    final AccountDirectory directory = new AccountDirectory();

    static AccountId anAccount() {
        return new AccountId(UUID.randomUUID());
    }

    void register(AccountId account, String handle) {
        directory.apply(new AccountRegistered(account, new Handle(handle), Optional.empty(), HASH, T0));
    }

    @Test
    void an_empty_directory_knows_nobody() {
        assertThat(directory.size()).isZero();
        assertThat(directory.anySysop()).isEmpty();
        assertThat(directory.handleOf(anAccount())).isEmpty();
    }

    @Test
    void registered_accounts_are_found_by_id() {
        var alice = anAccount();
        var bob = anAccount();
        register(alice, "Alice");
        register(bob, "bob");

        assertThat(directory.handleOf(alice)).contains(new Handle("alice"));
        assertThat(directory.handleOf(bob)).contains(new Handle("bob"));
        assertThat(directory.size()).isEqualTo(2);
    }

    @Test
    void a_sysop_is_known_once_the_role_is_granted() {
        var root = anAccount();
        register(root, "root");
        assertThat(directory.anySysop()).isEmpty();

        directory.apply(new RoleGranted(root, Role.SYSOP, T0));

        assertThat(directory.anySysop()).contains(new Handle("root"));
    }

    @Test
    void other_roles_and_events_do_not_make_a_sysop() {
        var mod = anAccount();
        register(mod, "mod");
        directory.apply(new RoleGranted(mod, Role.MODERATOR, T0));
        directory.apply(new EmailVerified(mod, T0));
        assertThat(directory.anySysop()).isEmpty();
    }

    @Test
    void with_several_sysops_the_answer_is_stable() {
        var zed = anAccount();
        var amy = anAccount();
        register(zed, "zed");
        register(amy, "Amy");
        directory.apply(new RoleGranted(zed, Role.SYSOP, T0));
        directory.apply(new RoleGranted(amy, Role.SYSOP, T0));
        assertThat(directory.anySysop()).contains(new Handle("amy"));
    }

    @Test
    void applying_the_same_events_twice_changes_nothing() {
        var root = anAccount();
        for (int i = 0; i < 2; i++) {
            register(root, "root");
            directory.apply(new RoleGranted(root, Role.SYSOP, T0));
        }
        assertThat(directory.size()).isEqualTo(1);
        assertThat(directory.anySysop()).contains(new Handle("root"));
    }

    @Test
    void a_revoked_sysop_is_no_longer_one() {
        var root = anAccount();
        var amy = anAccount();
        register(root, "root");
        register(amy, "amy");
        directory.apply(new RoleGranted(root, Role.SYSOP, T0));
        directory.apply(new RoleGranted(amy, Role.SYSOP, T0));

        directory.apply(new RoleRevoked(amy, Role.SYSOP, T0));
        directory.apply(new RoleRevoked(root, Role.MODERATOR, T0));

        assertThat(directory.sysops()).containsExactly(root);
        assertThat(directory.anySysop()).contains(new Handle("root"));
    }

    @Test
    void pages_walk_the_accounts_in_handle_order_whatever_the_order_they_registered_in() {
        for (var handle : new String[] {"Zed", "amy", "Bob", "carol"}) register(anAccount(), handle);

        var first = directory.page(Optional.empty(), account -> true, 3);
        var rest = directory.page(Optional.of(first.getLast().handle().key()), account -> true, 3);

        assertThat(first).extracting(a -> a.handle().value()).containsExactly("amy", "Bob", "carol");
        assertThat(rest).extracting(a -> a.handle().value()).containsExactly("Zed");
    }

    @Test
    void a_page_holds_only_the_accounts_asked_for() {
        var amy = anAccount();
        register(amy, "amy");
        register(anAccount(), "bob");
        directory.apply(new EmailVerified(amy, T0));

        assertThat(directory.page(Optional.empty(), a -> a.emailVerified(), 10))
                .extracting(a -> a.account()).containsExactly(amy);
    }

    @Test
    void each_account_is_folded_the_way_its_decider_folds_it() {
        var amy = anAccount();
        register(amy, "amy");
        directory.apply(new EmailVerified(amy, T0));
        directory.apply(new RoleGranted(amy, Role.AUDITOR, T0));
        directory.apply(new LoginSucceeded(amy, new Handle("amy"), new SessionId(UUID.randomUUID()), T0.plusSeconds(60)));
        directory.apply(AccountLocked.afterFailedLogins(amy, T0.plusSeconds(900), T0.plusSeconds(120)));

        var folded = directory.page(Optional.empty(), a -> true, 1).getFirst();

        assertThat(folded.effectiveRoles()).containsExactlyInAnyOrder(Role.AUDITOR, Role.MEMBER);
        assertThat(folded.lastLogin()).contains(T0.plusSeconds(60));
        assertThat(folded.attempts().lockAt(T0.plusSeconds(300))).isPresent();
    }

    @Test
    void events_of_an_account_it_has_not_seen_registered_are_ignored() {
        var ghost = anAccount();
        directory.apply(new RoleGranted(ghost, Role.SYSOP, T0));
        assertThat(directory.size()).isZero();
        assertThat(directory.sysops()).isEmpty();
        assertThat(directory.page(Optional.empty(), a -> true, 10)).isEmpty();
    }
}
