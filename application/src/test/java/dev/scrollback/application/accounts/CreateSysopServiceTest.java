package dev.scrollback.application.accounts;

import static dev.scrollback.application.accounts.AccountsFixture.PASSWORD;
import static dev.scrollback.application.accounts.AccountsFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.scrollback.application.shared.Actor;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.application.shared.RecordedEvent;
import dev.scrollback.domain.accounts.AccountEvent;
import dev.scrollback.domain.accounts.AccountEvent.AccountRegistered;
import dev.scrollback.domain.accounts.AccountEvent.EmailVerified;
import dev.scrollback.domain.accounts.AccountEvent.RoleGranted;
import dev.scrollback.domain.accounts.AccountRejected;
import dev.scrollback.domain.accounts.AccountRejected.HandleTaken;
import dev.scrollback.domain.accounts.AccountRejected.WeakPassword;
import dev.scrollback.domain.accounts.EmailAddress;
import dev.scrollback.domain.accounts.PasswordPolicy.Weakness;
import dev.scrollback.domain.accounts.Role;
import dev.scrollback.domain.accounts.Secret;
import dev.scrollback.domain.accounts.HandleEvent.HandleClaimed;
import dev.scrollback.domain.shared.Handle;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CreateSysopServiceTest {
    final AccountsFixture bbs = new AccountsFixture();
    final Handle sysop = new Handle("sysop");

    CreateSysop.Outcome create(String handle, String password) {
        return bbs.createSysop.create(new CreateSysop.Command(new Handle(handle), Optional.empty(), new Secret(password), Origin.cli()));
    }

    @Test
    void the_first_sysop_is_created_verified_with_the_role_by_the_system() {
        var outcome = create("sysop", PASSWORD);

        assertThat(outcome).isInstanceOf(CreateSysop.Outcome.Created.class);
        var account = ((CreateSysop.Outcome.Created) outcome).account();
        assertThat(outcome).isEqualTo(new CreateSysop.Outcome.Created(account, sysop));
        assertThat(bbs.log.events(AccountStreams.handle(sysop))).containsExactly(new HandleClaimed(sysop, account, T0));
        assertThat(bbs.log.events(AccountStreams.account(account))).containsExactly(
                new AccountRegistered(account, sysop, Optional.empty(), PlainTextHasher.hashOf(PASSWORD), T0),
                new EmailVerified(account, T0),
                new RoleGranted(account, Role.SYSOP, T0));
        assertThat(bbs.log.recorded()).extracting(RecordedEvent::metadata)
                .allSatisfy(m -> {
                    assertThat(m.actor()).isEqualTo(Actor.system());
                    assertThat(m.origin()).isEqualTo(Origin.cli());
                });
        assertThat(bbs.mailer.sent()).isEmpty();
    }

    @Test
    void a_second_call_finds_the_existing_sysop_and_writes_nothing() {
        create("sysop", PASSWORD);
        long after = bbs.log.lastPosition();

        assertThat(create("other", PASSWORD)).isEqualTo(new CreateSysop.Outcome.SysopExists(sysop));
        assertThat(bbs.log.lastPosition()).isEqualTo(after);
    }

    @Test
    void a_directory_rebuilt_from_the_log_knows_the_sysop_too() {
        create("sysop", PASSWORD);
        var rebuilt = new AccountDirectory();
        bbs.log.events().stream().filter(AccountEvent.class::isInstance).map(AccountEvent.class::cast).forEach(rebuilt::apply);
        var afterRestart = new CreateSysopService(bbs.log, bbs.hasher, bbs.clock, rebuilt, bbs.commonPasswords);

        var outcome = afterRestart.create(new CreateSysop.Command(new Handle("another"), Optional.empty(), new Secret(PASSWORD),
                Origin.cli()));

        assertThat(outcome).isEqualTo(new CreateSysop.Outcome.SysopExists(sysop));
    }

    @Test
    void a_reserved_handle_is_allowed_for_the_sysop() {
        assertThat(sysop.isReserved()).isTrue();
        assertThat(create("Sysop", PASSWORD)).isInstanceOf(CreateSysop.Outcome.Created.class);
    }

    @Test
    void a_weak_password_is_refused_and_nothing_is_written() {
        var rejected = catchThrowableOfType(AccountRejected.class, () -> create("sysop", "sysop-password"));
        assertThat(rejected.reason()).isEqualTo(new WeakPassword(Weakness.CONTAINS_HANDLE));
        assertThat(catchThrowableOfType(AccountRejected.class, () -> create("sysop", "short")).reason())
                .isEqualTo(new WeakPassword(Weakness.TOO_SHORT));
        assertThat(bbs.log.recorded()).isEmpty();
    }

    @Test
    void the_email_counts_in_the_password_policy() {
        var command = new CreateSysop.Command(sysop, Optional.of(new EmailAddress("operator@example.test")),
                new Secret("the operator of this board"), Origin.cli());
        var rejected = catchThrowableOfType(AccountRejected.class, () -> bbs.createSysop.create(command));
        assertThat(rejected.reason()).isEqualTo(new WeakPassword(Weakness.CONTAINS_EMAIL));
    }

    @Test
    void a_handle_a_caller_already_holds_is_taken() {
        bbs.register("alice");
        var rejected = catchThrowableOfType(AccountRejected.class, () -> create("ALICE", PASSWORD));
        assertThat(rejected.reason()).isEqualTo(new HandleTaken(new Handle("ALICE")));
    }

    @Test
    void the_new_sysop_can_log_in_right_away() {
        create("sysop", PASSWORD);
        assertThat(bbs.logIn("sysop").holds(Role.SYSOP)).isTrue();
    }
}
