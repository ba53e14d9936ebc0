package dev.scrollback.application.accounts;

import static dev.scrollback.application.accounts.AccountsFixture.PASSWORD;
import static dev.scrollback.application.accounts.AccountsFixture.WEB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scrollback.application.shared.Origin;
import dev.scrollback.domain.accounts.AccountEvent;
import dev.scrollback.domain.accounts.AccountEvent.AccountErased;
import dev.scrollback.domain.accounts.AccountRejected;
import dev.scrollback.domain.accounts.RoleRejected;
import dev.scrollback.domain.accounts.Secret;
import dev.scrollback.domain.shared.Handle;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Erasing an account (decision 0021) on an in-memory log: who may, and that the account cannot be used after. */
class AccountErasureTest {
    final AccountsFixture bbs = new AccountsFixture();
    Caller root;

    @BeforeEach
    void a_sysop_and_a_member() {
        bbs.createSysop.create(new CreateSysop.Command(new Handle("root"), Optional.empty(), new Secret(PASSWORD), Origin.system()));
        bbs.member("alice");
        root = bbs.logIn("root");
        project();
    }

    void project() {
        bbs.log.events().forEach(e -> { if (e instanceof AccountEvent a) bbs.directory.apply(a); });
    }

    static AccountRejected.Reason refusal(Runnable attempt) {
        try {
            attempt.run();
        } catch (AccountRejected rejected) {
            return rejected.reason();
        }
        throw new AssertionError("was not refused");
    }

    @Test
    void the_owner_erases_with_the_password_and_then_cannot_log_in_and_the_session_ends() {
        var alice = bbs.logIn("alice");
        long before = bbs.log.lastPosition();

        bbs.eraseAccount.eraseOwn(alice, new Secret(PASSWORD), Optional.empty(), WEB);

        assertThat(bbs.since(before)).singleElement().satisfies(e -> {
            assertThat(e.event()).isEqualTo(new AccountErased(alice.account(), bbs.clock.instant()));
            assertThat(e.metadata().actor()).isEqualTo(alice.actor());
        });
        assertThat(bbs.authenticateSession.authenticate(alice.session(), alice.account())).isEmpty();
        assertThat(refusal(() -> bbs.logIn("alice"))).isEqualTo(new AccountRejected.InvalidCredentials());
        project();
        assertThat(bbs.directory.registered(new Handle("alice")).orElseThrow().email()).isEmpty();   // masked, handle kept
    }

    @Test
    void a_wrong_password_erases_nothing() {
        var alice = bbs.logIn("alice");
        long before = bbs.log.lastPosition();
        assertThat(refusal(() -> bbs.eraseAccount.eraseOwn(alice, new Secret("not my password at all"), Optional.empty(), WEB)))
                .isEqualTo(new AccountRejected.WrongPassword());
        assertThat(bbs.since(before)).isEmpty();
    }

    @Test
    void with_totp_on_the_owner_also_needs_a_right_code() {
        var alice = bbs.logIn("alice");
        bbs.totp.enrol(alice, new Secret(PASSWORD), WEB);
        assertThat(refusal(() -> bbs.eraseAccount.eraseOwn(alice, new Secret(PASSWORD), Optional.empty(), WEB)))
                .isEqualTo(new AccountRejected.TotpRequired());
        assertThat(refusal(() -> bbs.eraseAccount.eraseOwn(alice, new Secret(PASSWORD), Optional.of(new Secret("000000")), WEB)))
                .isEqualTo(new AccountRejected.WrongTotp());

        bbs.eraseAccount.eraseOwn(alice, new Secret(PASSWORD), Optional.of(new Secret(StepCodes.codeAt(bbs.clock.instant()))), WEB);

        assertThat(bbs.log.events()).last().isInstanceOf(AccountErased.class);
    }

    @Test
    void a_sysop_erases_an_account_as_the_actor_and_erasing_twice_is_refused_plainly() {
        long before = bbs.log.lastPosition();
        bbs.eraseAccount.eraseBySysop(root, new Handle("ALICE"), WEB);

        assertThat(bbs.since(before)).singleElement().satisfies(e -> {
            assertThat(e.event()).isInstanceOf(AccountErased.class);
            assertThat(e.metadata().actor()).isEqualTo(root.actor());
        });
        assertThat(refusal(() -> bbs.eraseAccount.eraseBySysop(root, new Handle("alice"), WEB)))
                .isEqualTo(new AccountRejected.AlreadyErased());
        assertThat(bbs.since(before)).hasSize(1);
    }

    @Test
    void only_a_sysop_erases_another_account_and_the_last_sysop_stays() {
        var alice = bbs.logIn("alice");
        assertThatThrownBy(() -> bbs.eraseAccount.eraseBySysop(alice, new Handle("root"), WEB)).isInstanceOf(AccessDenied.class);
        assertThatThrownBy(() -> bbs.eraseAccount.eraseOwn(root, new Secret(PASSWORD), Optional.empty(), WEB))
                .isInstanceOf(RoleRejected.class);
        assertThat(bbs.log.events()).noneMatch(e -> e instanceof AccountErased);
    }
}
