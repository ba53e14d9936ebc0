package dev.scrollback.domain.accounts;

import static dev.scrollback.domain.accounts.AccountDeciderTest.ACCOUNT;
import static dev.scrollback.domain.accounts.AccountDeciderTest.ALICE;
import static dev.scrollback.domain.accounts.AccountDeciderTest.REGISTERED;
import static dev.scrollback.domain.accounts.AccountDeciderTest.RIGHT;
import static dev.scrollback.domain.accounts.AccountDeciderTest.SESSION;
import static dev.scrollback.domain.accounts.AccountDeciderTest.T0;
import static dev.scrollback.domain.accounts.AccountDeciderTest.WRONG;

import dev.scrollback.domain.accounts.AccountCommand.EraseBySysop;
import dev.scrollback.domain.accounts.AccountCommand.EraseOwn;
import dev.scrollback.domain.accounts.AccountCommand.LogIn;
import dev.scrollback.domain.accounts.AccountCommand.Unlock;
import dev.scrollback.domain.accounts.AccountEvent.AccountErased;
import dev.scrollback.domain.accounts.AccountEvent.RoleGranted;
import dev.scrollback.domain.shared.DeciderSpec;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** AccountErased (decision 0021): who may erase, and that nothing follows an erasure. */
class ErasureDeciderTest {
    final DeciderSpec<AccountCommand, AccountState, AccountEvent> spec = new DeciderSpec<>(new AccountDecider());
    static final AccountErased ERASED = new AccountErased(ACCOUNT, T0.plusSeconds(90));

    @Test
    void the_owner_erases_with_the_right_password() {
        spec.given(REGISTERED).when(new EraseOwn(RIGHT, Optional.empty(), 0, T0.plusSeconds(90))).then(ERASED)
                .thenState(new AccountState.Erased(ACCOUNT, ALICE, T0.plusSeconds(90)));
    }

    @Test
    void a_wrong_password_is_refused() {
        spec.given(REGISTERED).when(new EraseOwn(WRONG, Optional.empty(), 0, T0.plusSeconds(90)))
                .thenRejectedWith(new AccountRejected.WrongPassword());
    }

    @Test
    void a_sysop_erases_but_never_the_last_sysop() {
        spec.given(REGISTERED).when(new EraseBySysop(0, T0.plusSeconds(90))).then(ERASED);
        spec.given(REGISTERED, new RoleGranted(ACCOUNT, Role.SYSOP, T0)).when(new EraseBySysop(0, T0.plusSeconds(90)))
                .thenRejectedWith(new RoleRejected.LastSysop());
        spec.given(REGISTERED, new RoleGranted(ACCOUNT, Role.SYSOP, T0)).when(new EraseBySysop(1, T0.plusSeconds(90))).then(ERASED);
    }

    @Test
    void an_erased_account_refuses_a_second_erasure_plainly_and_answers_everything_else_as_unknown() {
        spec.given(REGISTERED, ERASED).when(new EraseBySysop(1, T0.plusSeconds(99))).thenRejectedWith(new AccountRejected.AlreadyErased());
        spec.given(REGISTERED, ERASED).when(new EraseOwn(RIGHT, Optional.empty(), 1, T0.plusSeconds(99)))
                .thenRejectedWith(new AccountRejected.AlreadyErased());
        spec.given(REGISTERED, ERASED).when(new LogIn(RIGHT, SESSION, T0.plusSeconds(99)))
                .thenRejectedWith(new AccountRejected.InvalidCredentials());
        spec.given(REGISTERED, ERASED).when(new Unlock(T0.plusSeconds(99))).thenRejectedWith(new AccountRejected.UnknownAccount());
    }
}
