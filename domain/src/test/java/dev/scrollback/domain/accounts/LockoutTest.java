package dev.scrollback.domain.accounts;

import static dev.scrollback.domain.accounts.AccountDeciderTest.ACCOUNT;
import static dev.scrollback.domain.accounts.AccountDeciderTest.ALICE;
import static dev.scrollback.domain.accounts.AccountDeciderTest.HASH;
import static dev.scrollback.domain.accounts.AccountDeciderTest.ISSUED;
import static dev.scrollback.domain.accounts.AccountDeciderTest.REGISTERED;
import static dev.scrollback.domain.accounts.AccountDeciderTest.SESSION;
import static dev.scrollback.domain.accounts.AccountDeciderTest.T0;
import static dev.scrollback.domain.accounts.AccountDeciderTest.VERIFIED;
import static dev.scrollback.domain.accounts.AccountDeciderTest.WRONG;
import static dev.scrollback.domain.accounts.AccountDeciderTest.matching;
import static dev.scrollback.domain.accounts.AccountDeciderTest.registered;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.domain.accounts.AccountCommand.IssueUnlockCode;
import dev.scrollback.domain.accounts.AccountCommand.LogIn;
import dev.scrollback.domain.accounts.AccountCommand.Unlock;
import dev.scrollback.domain.accounts.AccountEvent.AccountLocked;
import dev.scrollback.domain.accounts.AccountEvent.AccountUnlocked;
import dev.scrollback.domain.accounts.AccountEvent.LoginFailed;
import dev.scrollback.domain.accounts.AccountEvent.LoginFailure;
import dev.scrollback.domain.accounts.AccountEvent.LoginSucceeded;
import dev.scrollback.domain.accounts.AccountEvent.UnlockCodeIssued;
import dev.scrollback.domain.accounts.AccountEvent.UnlockReason;
import dev.scrollback.domain.accounts.AccountRejected.LockedOut;
import dev.scrollback.domain.accounts.AccountRejected.NotLocked;
import dev.scrollback.domain.accounts.AccountRejected.SlowDown;
import dev.scrollback.domain.shared.DeciderSpec;
import dev.scrollback.domain.shared.SessionId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Slow-down after 5 wrong passwords, lock at 10, and the ways out: the mailed code, time, a sysop. */
class LockoutTest {
    static final Instant AT = T0.plusSeconds(3600);
    static final PasswordHash UNLOCK_HASH = new PasswordHash("unlock:12345678");
    static final Instant UNTIL = AT.plus(LoginAttempts.LOCK_FOR);
    static final SessionId LATER_SESSION = new SessionId(UUID.fromString("0195f0a0-0000-7000-8000-0000000000bb"));

    final DeciderSpec<AccountCommand, AccountState, AccountEvent> spec = new DeciderSpec<>(new AccountDecider());

    /** A verified account that has seen {@code n} wrong passwords, the last at {@link #AT}. */
    static AccountEvent[] afterFailures(int n) {
        var events = new ArrayList<AccountEvent>(List.of(REGISTERED, ISSUED, VERIFIED));
        for (int i = n; i >= 1; i--) events.add(failure(AT.minusSeconds(i - 1L)));
        return events.toArray(AccountEvent[]::new);
    }

    static LoginFailed failure(Instant at) {
        return new LoginFailed(ACCOUNT, ALICE, LoginFailure.WRONG_PASSWORD, at);
    }

    static AccountEvent[] locked() {
        var events = new ArrayList<>(List.of(afterFailures(10)));
        events.add(AccountLocked.afterFailedLogins(ACCOUNT, UNTIL, AT));
        events.add(new UnlockCodeIssued(ACCOUNT, UNLOCK_HASH, UNTIL, AT));
        return events.toArray(AccountEvent[]::new);
    }

    @Test
    void four_failures_do_not_slow_the_next_attempt() {
        spec.given(afterFailures(4)).when(new LogIn(WRONG, SESSION, AT)).then(failure(AT));
    }

    @Test
    void after_the_fifth_failure_the_next_attempt_waits_one_second_without_a_password_check() {
        SecretCheck mustNotBeAsked = stored -> { throw new AssertionError("password checked while slowed down"); };
        spec.given(afterFailures(5)).when(new LogIn(mustNotBeAsked, SESSION, AT.plusMillis(999)))
                .thenRejectedWith(new SlowDown(AT.plusSeconds(1)));
    }

    @Test
    void once_the_delay_has_passed_the_password_is_checked_again() {
        spec.given(afterFailures(5)).when(new LogIn(WRONG, SESSION, AT.plusSeconds(1))).then(failure(AT.plusSeconds(1)));
    }

    @Test
    void the_delay_doubles_with_each_failure_and_is_capped_at_a_minute() {
        assertThat(List.of(4, 5, 6, 7, 8, 9, 11, 40).stream().map(LoginAttempts::delayAfter).toList()).containsExactly(
                Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8),
                Duration.ofSeconds(16), Duration.ofSeconds(60), Duration.ofSeconds(60));
        spec.given(afterFailures(9)).when(new LogIn(WRONG, SESSION, AT.plusSeconds(15)))
                .thenRejectedWith(new SlowDown(AT.plusSeconds(16)));
    }

    @Test
    void the_tenth_failure_locks_the_account_for_fifteen_minutes() {
        var at = AT.plusSeconds(16);
        spec.given(afterFailures(9)).when(new LogIn(WRONG, SESSION, at))
                .then(failure(at), AccountLocked.afterFailedLogins(ACCOUNT, at.plus(Duration.ofMinutes(15)), at));
    }

    @Test
    void a_locked_account_refuses_even_the_right_password_without_the_code() {
        spec.given(locked()).when(new LogIn(matching(HASH), SESSION, AT.plusSeconds(60)))
                .thenRejectedWith(new LockedOut(UNTIL));
    }

    @Test
    void the_unlock_code_with_the_right_password_lets_the_owner_in_while_the_lock_holds() {
        var at = AT.plusSeconds(60);
        spec.given(locked())
                .when(new LogIn(matching(HASH), Optional.of(matching(UNLOCK_HASH)), SESSION, at))
                .then(new AccountUnlocked(ACCOUNT, UnlockReason.OWNER_CODE, at), new LoginSucceeded(ACCOUNT, ALICE, SESSION, at))
                .thenStateSatisfies(state -> {
                    assertThat(registered(state).attempts()).isEqualTo(LoginAttempts.none());
                    assertThat(registered(state).logins().failedBeforeLatest()).isEqualTo(10);
                });
    }

    @Test
    void the_unlock_code_with_a_wrong_password_does_not() {
        spec.given(locked()).when(new LogIn(WRONG, Optional.of(matching(UNLOCK_HASH)), SESSION, AT.plusSeconds(60)))
                .thenRejectedWith(new LockedOut(UNTIL));
    }

    @Test
    void the_unlock_code_works_once() {
        var events = new ArrayList<>(List.of(locked()));
        events.add(new AccountUnlocked(ACCOUNT, UnlockReason.OWNER_CODE, AT.plusSeconds(60)));
        events.add(new LoginSucceeded(ACCOUNT, ALICE, SESSION, AT.plusSeconds(60)));
        spec.given(events.toArray(AccountEvent[]::new))
                .thenStateSatisfies(state -> assertThat(registered(state).attempts().lock()).isEmpty());
    }

    @Test
    void a_wrong_unlock_code_is_refused_like_no_code() {
        spec.given(locked()).when(new LogIn(matching(HASH), Optional.of(WRONG), SESSION, AT.plusSeconds(60)))
                .thenRejectedWith(new LockedOut(UNTIL));
    }

    @Test
    void an_expired_lock_lets_the_right_password_in_and_forgets_the_lock() {
        spec.given(locked()).when(new LogIn(matching(HASH), SESSION, UNTIL))
                .then(new LoginSucceeded(ACCOUNT, ALICE, SESSION, UNTIL))
                .thenStateSatisfies(state -> assertThat(registered(state).attempts()).isEqualTo(LoginAttempts.none()));
    }

    @Test
    void after_an_expired_lock_the_count_starts_afresh() {
        spec.given(locked()).when(new LogIn(WRONG, SESSION, UNTIL)).then(failure(UNTIL))
                .thenStateSatisfies(state -> assertThat(registered(state).consecutiveFailures()).isEqualTo(1));
    }

    @Test
    void an_unlock_code_is_recorded_only_while_locked() {
        spec.given(afterFailures(10)).when(new IssueUnlockCode(UNLOCK_HASH, AT)).thenRejectedWith(new NotLocked());
        var lockedOnly = new ArrayList<>(List.of(afterFailures(10)));
        lockedOnly.add(AccountLocked.afterFailedLogins(ACCOUNT, UNTIL, AT));
        spec.given(lockedOnly.toArray(AccountEvent[]::new)).when(new IssueUnlockCode(UNLOCK_HASH, AT))
                .then(new UnlockCodeIssued(ACCOUNT, UNLOCK_HASH, UNTIL, AT));
    }

    @Test
    void a_sysop_unlocks_a_locked_account() {
        spec.given(locked()).when(new Unlock(AT.plusSeconds(5)))
                .then(new AccountUnlocked(ACCOUNT, UnlockReason.SYSOP, AT.plusSeconds(5)))
                .thenStateSatisfies(state -> assertThat(registered(state).attempts()).isEqualTo(LoginAttempts.none()));
    }

    @Test
    void a_sysop_unlock_also_lifts_a_slow_down() {
        spec.given(afterFailures(6)).when(new Unlock(AT)).then(new AccountUnlocked(ACCOUNT, UnlockReason.SYSOP, AT));
    }

    @Test
    void unlocking_an_account_with_nothing_to_lift_records_nothing() {
        spec.given(REGISTERED, VERIFIED).when(new Unlock(AT)).then();
    }

    @Test
    void a_success_resets_the_count_and_remembers_the_failures_for_the_caller() {
        var events = new ArrayList<>(List.of(afterFailures(3)));
        events.add(new LoginSucceeded(ACCOUNT, ALICE, SESSION, T0.plusSeconds(10)));   // an earlier login
        var history = new ArrayList<>(List.of(REGISTERED, ISSUED, VERIFIED, new LoginSucceeded(ACCOUNT, ALICE, SESSION, T0.plusSeconds(10)),
                failure(AT.minusSeconds(2)), failure(AT.minusSeconds(1))));
        spec.given(history.toArray(AccountEvent[]::new))
                .when(new LogIn(matching(HASH), LATER_SESSION, AT.plusSeconds(1)))
                .then(new LoginSucceeded(ACCOUNT, ALICE, LATER_SESSION, AT.plusSeconds(1)))
                .thenStateSatisfies(state -> {
                    var r = registered(state);
                    assertThat(r.consecutiveFailures()).isZero();
                    assertThat(r.logins().previous()).contains(new LoginHistory.Login(T0.plusSeconds(10), SESSION));
                    assertThat(r.logins().failedBeforeLatest()).isEqualTo(2);
                    assertThat(r.logins().failedSinceLatest()).isZero();
                });
    }
}
