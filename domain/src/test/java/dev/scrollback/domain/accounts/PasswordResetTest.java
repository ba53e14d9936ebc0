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

import dev.scrollback.domain.accounts.AccountCommand.CompletePasswordReset;
import dev.scrollback.domain.accounts.AccountCommand.LogIn;
import dev.scrollback.domain.accounts.AccountCommand.RequestPasswordReset;
import dev.scrollback.domain.accounts.AccountEvent.AccountLocked;
import dev.scrollback.domain.accounts.AccountEvent.AccountRegistered;
import dev.scrollback.domain.accounts.AccountEvent.AccountUnlocked;
import dev.scrollback.domain.accounts.AccountEvent.EmailVerified;
import dev.scrollback.domain.accounts.AccountEvent.LockCause;
import dev.scrollback.domain.accounts.AccountEvent.LoginSucceeded;
import dev.scrollback.domain.accounts.AccountEvent.PasswordResetCompleted;
import dev.scrollback.domain.accounts.AccountEvent.PasswordResetRequested;
import dev.scrollback.domain.accounts.AccountEvent.ResetCause;
import dev.scrollback.domain.accounts.AccountEvent.UnlockReason;
import dev.scrollback.domain.accounts.AccountRejected.CodeExpired;
import dev.scrollback.domain.accounts.AccountRejected.LockedBySysop;
import dev.scrollback.domain.accounts.AccountRejected.NoEmailOnFile;
import dev.scrollback.domain.accounts.AccountRejected.PasswordResetRequired;
import dev.scrollback.domain.accounts.AccountRejected.UnknownAccount;
import dev.scrollback.domain.accounts.AccountRejected.WeakPassword;
import dev.scrollback.domain.accounts.AccountRejected.WrongCode;
import dev.scrollback.domain.accounts.PasswordPolicy.Weakness;
import dev.scrollback.domain.shared.DeciderSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Password reset by a mailed code, asked for by the owner or required by a sysop. */
class PasswordResetTest {
    static final Instant AT = T0.plusSeconds(7200);
    static final Instant EXPIRES = AT.plus(Duration.ofMinutes(30));
    static final PasswordHash DIGEST = new PasswordHash("$sha256$code");
    static final PasswordHash NEW_HASH = new PasswordHash("new:correct horse battery");
    static final Secret NEXT = new Secret("correct horse battery");
    static final PasswordResetRequested REQUESTED = new PasswordResetRequested(ACCOUNT, DIGEST, EXPIRES, ResetCause.OWNER_REQUEST, AT);
    static final PasswordResetRequested FORCED = new PasswordResetRequested(ACCOUNT, DIGEST, EXPIRES, ResetCause.SYSOP, AT);

    final DeciderSpec<AccountCommand, AccountState, AccountEvent> spec = new DeciderSpec<>(new AccountDecider());

    static CompletePasswordReset complete(SecretCheck code, Secret next, Instant at) {
        return new CompletePasswordReset(code, next, NEW_HASH, CommonPasswords.none(), at);
    }

    @Test
    void a_request_records_the_digest_of_the_mailed_code() {
        spec.given(REGISTERED, ISSUED, VERIFIED)
                .when(new RequestPasswordReset(DIGEST, EXPIRES, ResetCause.OWNER_REQUEST, AT))
                .then(REQUESTED)
                .thenStateSatisfies(s -> assertThat(registered(s).reset().required()).isFalse());
    }

    @Test
    void an_account_without_an_email_cannot_be_sent_a_code() {
        var noEmail = new AccountRegistered(ACCOUNT, REGISTERED.handle(), Optional.empty(), HASH, T0);
        spec.given(noEmail).when(new RequestPasswordReset(DIGEST, EXPIRES, ResetCause.OWNER_REQUEST, AT))
                .thenRejectedWith(new NoEmailOnFile());
        spec.given().when(new RequestPasswordReset(DIGEST, EXPIRES, ResetCause.OWNER_REQUEST, AT))
                .thenRejectedWith(new UnknownAccount());
    }

    @Test
    void the_right_code_in_time_sets_the_new_password_once() {
        var done = new PasswordResetCompleted(ACCOUNT, NEW_HASH, AT.plusSeconds(60));
        spec.given(REGISTERED, ISSUED, VERIFIED, REQUESTED).when(complete(matching(DIGEST), NEXT, AT.plusSeconds(60)))
                .then(done)
                .thenStateSatisfies(s -> {
                    assertThat(registered(s).passwordHash()).isEqualTo(NEW_HASH);
                    assertThat(registered(s).reset().pending()).isEmpty();
                });
        spec.given(REGISTERED, ISSUED, VERIFIED, REQUESTED, done).when(complete(matching(DIGEST), NEXT, AT.plusSeconds(61)))
                .thenRejectedWith(new WrongCode());
    }

    @Test
    void a_wrong_code_an_old_code_or_no_request_is_refused() {
        spec.given(REGISTERED, ISSUED, VERIFIED, REQUESTED).when(complete(stored -> false, NEXT, AT.plusSeconds(60)))
                .thenRejectedWith(new WrongCode());
        spec.given(REGISTERED, ISSUED, VERIFIED, REQUESTED).when(complete(matching(DIGEST), NEXT, EXPIRES))
                .thenRejectedWith(new CodeExpired());
        spec.given(REGISTERED, ISSUED, VERIFIED).when(complete(matching(DIGEST), NEXT, AT))
                .thenRejectedWith(new WrongCode());
        spec.given().when(complete(matching(DIGEST), NEXT, AT)).thenRejectedWith(new WrongCode());
    }

    @Test
    void a_newer_request_replaces_the_older_code() {
        var newer = new PasswordResetRequested(ACCOUNT, new PasswordHash("$sha256$newer"), EXPIRES.plusSeconds(60),
                ResetCause.OWNER_REQUEST, AT.plusSeconds(60));
        spec.given(REGISTERED, ISSUED, VERIFIED, REQUESTED, newer).when(complete(matching(DIGEST), NEXT, AT.plusSeconds(90)))
                .thenRejectedWith(new WrongCode());
    }

    @Test
    void the_new_password_must_pass_the_policy_and_the_code_is_checked_first() {
        spec.given(REGISTERED, ISSUED, VERIFIED, REQUESTED).when(complete(matching(DIGEST), new Secret("short"), AT))
                .thenRejectedWith(new WeakPassword(Weakness.TOO_SHORT));
        spec.given(REGISTERED, ISSUED, VERIFIED, REQUESTED).when(complete(stored -> false, new Secret("short"), AT))
                .thenRejectedWith(new WrongCode());
    }

    @Test
    void the_code_proves_the_mailbox_so_it_verifies_the_email_and_lifts_a_lock_from_failed_logins() {
        var locked = AccountLocked.afterFailedLogins(ACCOUNT, AT.plus(Duration.ofMinutes(15)), AT);
        spec.given(REGISTERED, ISSUED, locked, REQUESTED).when(complete(matching(DIGEST), NEXT, AT.plusSeconds(5)))
                .then(new PasswordResetCompleted(ACCOUNT, NEW_HASH, AT.plusSeconds(5)),
                        new EmailVerified(ACCOUNT, AT.plusSeconds(5)),
                        new AccountUnlocked(ACCOUNT, UnlockReason.PASSWORD_RESET, AT.plusSeconds(5)));
    }

    @Test
    void a_reset_does_not_lift_a_sysops_lock() {
        var sysopLock = new AccountLocked(ACCOUNT, LockCause.SYSOP, Optional.empty(), Optional.empty(), AT);
        var done = new PasswordResetCompleted(ACCOUNT, NEW_HASH, AT.plusSeconds(5));
        spec.given(REGISTERED, ISSUED, VERIFIED, sysopLock, REQUESTED, done)
                .when(new LogIn(matching(NEW_HASH), SESSION, AT.plusSeconds(10)))
                .thenRejectedWith(new LockedBySysop(Optional.empty(), Optional.empty()));
    }

    @Test
    void a_reset_a_sysop_requires_stops_the_old_password_until_a_code_sets_a_new_one() {
        spec.given(REGISTERED, ISSUED, VERIFIED, FORCED).when(new LogIn(matching(HASH), SESSION, AT.plusSeconds(5)))
                .thenRejectedWith(new PasswordResetRequired());
        // still required once the code has expired: the owner asks for a fresh one
        var fresh = new PasswordResetRequested(ACCOUNT, new PasswordHash("$sha256$fresh"), EXPIRES.plusSeconds(3600),
                ResetCause.OWNER_REQUEST, EXPIRES.plusSeconds(1));
        spec.given(REGISTERED, ISSUED, VERIFIED, FORCED, fresh).when(new LogIn(matching(HASH), SESSION, EXPIRES.plusSeconds(5)))
                .thenRejectedWith(new PasswordResetRequired());
        var done = new PasswordResetCompleted(ACCOUNT, NEW_HASH, EXPIRES.plusSeconds(10));
        spec.given(REGISTERED, ISSUED, VERIFIED, FORCED, fresh, done)
                .when(new LogIn(matching(NEW_HASH), SESSION, EXPIRES.plusSeconds(20)))
                .then(new LoginSucceeded(ACCOUNT, REGISTERED.handle(), SESSION, EXPIRES.plusSeconds(20)));
    }

    @Test
    void a_wrong_password_during_a_forced_reset_is_an_ordinary_failure_that_reveals_nothing() {
        spec.given(REGISTERED, ISSUED, VERIFIED, FORCED).when(new LogIn(stored -> false, SESSION, AT.plusSeconds(5)))
                .thenStateSatisfies(s -> assertThat(registered(s).reset().required()).isTrue());
        assertThat(new AccountDecider().decide(new LogIn(stored -> false, SESSION, AT.plusSeconds(5)),
                stateOf(REGISTERED, ISSUED, VERIFIED, FORCED))).singleElement()
                .isInstanceOf(AccountEvent.LoginFailed.class);
    }

    static AccountState stateOf(AccountEvent... events) {
        var decider = new AccountDecider();
        AccountState state = decider.initialState();
        for (var e : events) state = decider.evolve(state, e);
        return state;
    }

    @Test
    void a_completed_or_forced_reset_refuses_sessions_that_started_before_it() {
        var done = new PasswordResetCompleted(ACCOUNT, NEW_HASH, AT.plusSeconds(60));
        spec.given(REGISTERED, ISSUED, VERIFIED, REQUESTED, done).thenStateSatisfies(s -> {
            assertThat(registered(s).acceptsSession(SESSION, AT.plusSeconds(59))).isFalse();
            assertThat(registered(s).acceptsSession(SESSION, AT.plusSeconds(60))).isTrue();
        });
        spec.given(REGISTERED, ISSUED, VERIFIED, REQUESTED).thenStateSatisfies(s ->
                assertThat(registered(s).acceptsSession(SESSION, T0)).as("an owner's request ends nothing").isTrue());
        spec.given(REGISTERED, ISSUED, VERIFIED, FORCED).thenStateSatisfies(s ->
                assertThat(registered(s).acceptsSession(SESSION, AT.minusSeconds(1))).isFalse());
    }
}
