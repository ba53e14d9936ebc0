package dev.scrollback.domain.accounts;

import static dev.scrollback.domain.accounts.AccountDeciderTest.ACCOUNT;
import static dev.scrollback.domain.accounts.AccountDeciderTest.HASH;
import static dev.scrollback.domain.accounts.AccountDeciderTest.ISSUED;
import static dev.scrollback.domain.accounts.AccountDeciderTest.REGISTERED;
import static dev.scrollback.domain.accounts.AccountDeciderTest.SESSION;
import static dev.scrollback.domain.accounts.AccountDeciderTest.T0;
import static dev.scrollback.domain.accounts.AccountDeciderTest.VERIFIED;
import static dev.scrollback.domain.accounts.AccountDeciderTest.matching;
import static dev.scrollback.domain.accounts.AccountDeciderTest.registered;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.domain.accounts.AccountCommand.ChangePassword;
import dev.scrollback.domain.accounts.AccountCommand.LogIn;
import dev.scrollback.domain.accounts.AccountEvent.LoginFailed;
import dev.scrollback.domain.accounts.AccountEvent.LoginFailure;
import dev.scrollback.domain.accounts.AccountEvent.LoginSucceeded;
import dev.scrollback.domain.accounts.AccountEvent.PasswordChanged;
import dev.scrollback.domain.accounts.AccountRejected.UnknownAccount;
import dev.scrollback.domain.accounts.AccountRejected.WeakPassword;
import dev.scrollback.domain.accounts.AccountRejected.WrongPassword;
import dev.scrollback.domain.accounts.PasswordPolicy.Weakness;
import dev.scrollback.domain.shared.DeciderSpec;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Changing the password: the current one confirms the owner, the new one passes the policy and differs. */
class PasswordChangeTest {
    static final Instant AT = T0.plusSeconds(3600);
    static final PasswordHash NEW_HASH = new PasswordHash("new:correct horse battery");
    static final Secret NEXT = new Secret("correct horse battery");

    final DeciderSpec<AccountCommand, AccountState, AccountEvent> spec = new DeciderSpec<>(new AccountDecider());

    static ChangePassword change(SecretCheck current, Secret next, SecretCheck sameAsStored) {
        return new ChangePassword(current, next, sameAsStored, NEW_HASH, CommonPasswords.none(), Optional.of(SESSION), AT);
    }

    @Test
    void the_right_current_password_and_a_good_new_one_change_the_stored_hash() {
        spec.given(REGISTERED, ISSUED, VERIFIED).when(change(matching(HASH), NEXT, stored -> false))
                .then(new PasswordChanged(ACCOUNT, NEW_HASH, Optional.of(SESSION), AT))
                .thenStateSatisfies(s -> assertThat(registered(s).passwordHash()).isEqualTo(NEW_HASH));
    }

    @Test
    void after_the_change_only_the_new_password_logs_in() {
        var changed = new PasswordChanged(ACCOUNT, NEW_HASH, Optional.of(SESSION), AT);
        spec.given(REGISTERED, ISSUED, VERIFIED, changed).when(new LogIn(matching(NEW_HASH), SESSION, AT.plusSeconds(1)))
                .then(new LoginSucceeded(ACCOUNT, REGISTERED.handle(), SESSION, AT.plusSeconds(1)));
        spec.given(REGISTERED, ISSUED, VERIFIED, changed).when(new LogIn(matching(HASH), SESSION, AT.plusSeconds(1)))
                .then(new LoginFailed(ACCOUNT, REGISTERED.handle(), LoginFailure.WRONG_PASSWORD, AT.plusSeconds(1)));
    }

    @Test
    void a_wrong_current_password_is_refused_and_records_nothing() {
        spec.given(REGISTERED, ISSUED, VERIFIED).when(change(stored -> false, NEXT, stored -> false))
                .thenRejectedWith(new WrongPassword());
    }

    @Test
    void a_wrong_current_password_does_not_count_towards_the_login_lock() {
        spec.given(REGISTERED, ISSUED, VERIFIED).when(change(stored -> false, NEXT, stored -> false))
                .thenRejectedWith(new WrongPassword());
        // a rejection appends nothing, so the state the lockout rules read is untouched
        spec.given(REGISTERED, ISSUED, VERIFIED).thenStateSatisfies(s -> assertThat(registered(s).consecutiveFailures()).isZero());
    }

    @Test
    void a_weak_new_password_is_refused_with_the_policy_reason() {
        spec.given(REGISTERED, ISSUED, VERIFIED).when(change(matching(HASH), new Secret("short"), stored -> false))
                .thenRejectedWith(new WeakPassword(Weakness.TOO_SHORT));
        spec.given(REGISTERED, ISSUED, VERIFIED).when(change(matching(HASH), new Secret("alice in wonderland"), stored -> false))
                .thenRejectedWith(new WeakPassword(Weakness.CONTAINS_HANDLE));
        spec.given(REGISTERED, ISSUED, VERIFIED)
                .when(new ChangePassword(matching(HASH), NEXT, stored -> false, NEW_HASH, folded -> true, Optional.of(SESSION), AT))
                .thenRejectedWith(new WeakPassword(Weakness.COMMON));
    }

    @Test
    void the_same_password_again_is_refused() {
        spec.given(REGISTERED, ISSUED, VERIFIED).when(change(matching(HASH), NEXT, matching(HASH)))
                .thenRejectedWith(new WeakPassword(Weakness.SAME_AS_CURRENT));
    }

    @Test
    void an_unknown_account_cannot_change_a_password() {
        spec.given().when(change(stored -> true, NEXT, stored -> false)).thenRejectedWith(new UnknownAccount());
    }

    @Test
    void sessions_from_before_the_change_are_refused_except_the_one_it_was_made_in() {
        var other = new dev.scrollback.domain.shared.SessionId(java.util.UUID.randomUUID());
        spec.given(REGISTERED, ISSUED, VERIFIED, new PasswordChanged(ACCOUNT, NEW_HASH, Optional.of(SESSION), AT))
                .thenStateSatisfies(s -> {
                    assertThat(registered(s).acceptsSession(SESSION, AT.minusSeconds(60))).isTrue();
                    assertThat(registered(s).acceptsSession(other, AT.minusSeconds(60))).isFalse();
                    assertThat(registered(s).acceptsSession(other, AT)).isTrue();
                });
    }
}
