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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scrollback.domain.accounts.AccountCommand.Lock;
import dev.scrollback.domain.accounts.AccountCommand.LogIn;
import dev.scrollback.domain.accounts.AccountCommand.ResetTotp;
import dev.scrollback.domain.accounts.AccountCommand.Unlock;
import dev.scrollback.domain.accounts.AccountEvent.AccountLocked;
import dev.scrollback.domain.accounts.AccountEvent.AccountUnlocked;
import dev.scrollback.domain.accounts.AccountEvent.LockCause;
import dev.scrollback.domain.accounts.AccountEvent.LoginFailed;
import dev.scrollback.domain.accounts.AccountEvent.LoginFailure;
import dev.scrollback.domain.accounts.AccountEvent.LoginSucceeded;
import dev.scrollback.domain.accounts.AccountEvent.TotpDisabled;
import dev.scrollback.domain.accounts.AccountEvent.TotpEnrolled;
import dev.scrollback.domain.accounts.AccountEvent.UnlockReason;
import dev.scrollback.domain.accounts.AccountRejected.LockEndsInThePast;
import dev.scrollback.domain.accounts.AccountRejected.LockedBySysop;
import dev.scrollback.domain.accounts.AccountRejected.UnknownAccount;
import dev.scrollback.domain.shared.DeciderSpec;
import dev.scrollback.domain.shared.InvalidValue;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A sysop locks an account for a time or until unlocked, and resets a lost authenticator. */
class SysopLockTest {
    static final Instant AT = T0.plusSeconds(7200);
    static final Instant UNTIL = AT.plus(Duration.ofDays(1));
    static final Optional<LockNote> NOTE = Optional.of(new LockNote("Spamming the boards; write to the sysop."));

    final DeciderSpec<AccountCommand, AccountState, AccountEvent> spec = new DeciderSpec<>(new AccountDecider());

    @Test
    void a_lock_for_a_time_is_recorded_with_its_end_and_note() {
        spec.given(REGISTERED, ISSUED, VERIFIED).when(new Lock(Optional.of(UNTIL), NOTE, AT))
                .then(new AccountLocked(ACCOUNT, LockCause.SYSOP, Optional.of(UNTIL), NOTE, AT))
                .thenStateSatisfies(s -> {
                    assertThat(registered(s).sysopLockAt(AT.plusSeconds(1))).isPresent();
                    assertThat(registered(s).mayActAt(AT.plusSeconds(1))).isFalse();
                    assertThat(registered(s).mayActAt(UNTIL)).isTrue();
                });
    }

    @Test
    void the_right_password_is_told_about_the_lock_and_a_wrong_one_is_an_ordinary_failure() {
        var locked = new AccountLocked(ACCOUNT, LockCause.SYSOP, Optional.of(UNTIL), NOTE, AT);
        spec.given(REGISTERED, ISSUED, VERIFIED, locked).when(new LogIn(matching(HASH), SESSION, AT.plusSeconds(5)))
                .thenRejectedWith(new LockedBySysop(Optional.of(UNTIL), NOTE));
        spec.given(REGISTERED, ISSUED, VERIFIED, locked).when(new LogIn(stored -> false, SESSION, AT.plusSeconds(5)))
                .then(new LoginFailed(ACCOUNT, REGISTERED.handle(), LoginFailure.WRONG_PASSWORD, AT.plusSeconds(5)));
    }

    @Test
    void a_lock_for_a_time_ends_by_itself() {
        var locked = new AccountLocked(ACCOUNT, LockCause.SYSOP, Optional.of(UNTIL), NOTE, AT);
        spec.given(REGISTERED, ISSUED, VERIFIED, locked).when(new LogIn(matching(HASH), SESSION, UNTIL))
                .then(new LoginSucceeded(ACCOUNT, REGISTERED.handle(), SESSION, UNTIL));
    }

    @Test
    void an_indefinite_lock_holds_until_a_sysop_unlocks() {
        var locked = new AccountLocked(ACCOUNT, LockCause.SYSOP, Optional.empty(), Optional.empty(), AT);
        var later = AT.plus(Duration.ofDays(3650));
        spec.given(REGISTERED, ISSUED, VERIFIED, locked).when(new LogIn(matching(HASH), SESSION, later))
                .thenRejectedWith(new LockedBySysop(Optional.empty(), Optional.empty()));
        spec.given(REGISTERED, ISSUED, VERIFIED, locked).when(new Unlock(later))
                .then(new AccountUnlocked(ACCOUNT, UnlockReason.SYSOP, later));
        var unlocked = new AccountUnlocked(ACCOUNT, UnlockReason.SYSOP, later);
        spec.given(REGISTERED, ISSUED, VERIFIED, locked, unlocked).when(new LogIn(matching(HASH), SESSION, later.plusSeconds(1)))
                .then(new LoginSucceeded(ACCOUNT, REGISTERED.handle(), SESSION, later.plusSeconds(1)));
    }

    @Test
    void the_owners_unlock_code_does_not_open_a_sysops_lock() {
        var sysopLock = new AccountLocked(ACCOUNT, LockCause.SYSOP, Optional.empty(), Optional.empty(), AT);
        var ownerUnlock = new AccountUnlocked(ACCOUNT, UnlockReason.OWNER_CODE, AT.plusSeconds(1));
        spec.given(REGISTERED, ISSUED, VERIFIED, sysopLock, ownerUnlock)
                .thenStateSatisfies(s -> assertThat(registered(s).sysopLockAt(AT.plusSeconds(2))).isPresent());
    }

    @Test
    void a_lock_that_ends_before_it_starts_is_refused() {
        spec.given(REGISTERED, ISSUED, VERIFIED).when(new Lock(Optional.of(AT), NOTE, AT))
                .thenRejectedWith(new LockEndsInThePast());
        spec.given().when(new Lock(Optional.empty(), NOTE, AT)).thenRejectedWith(new UnknownAccount());
    }

    @Test
    void a_note_is_one_bounded_line() {
        assertThatThrownBy(() -> new LockNote(" ")).isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> new LockNote("x".repeat(LockNote.MAX_LENGTH + 1))).isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> new LockNote("two\nlines")).isInstanceOf(InvalidValue.class);
        assertThat(new LockNote("  padded  ").value()).isEqualTo("padded");
    }

    @Test
    void resetting_totp_turns_it_off_without_the_password_and_twice_changes_nothing() {
        var enrolled = new TotpEnrolled(ACCOUNT, new TotpSecret("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"),
                new RecoveryCodeHashes(List.of(HASH)), AT);
        spec.given(REGISTERED, ISSUED, VERIFIED, enrolled).when(new ResetTotp(AT.plusSeconds(1)))
                .then(new TotpDisabled(ACCOUNT, AT.plusSeconds(1)));
        spec.given(REGISTERED, ISSUED, VERIFIED).when(new ResetTotp(AT.plusSeconds(1))).then();
    }
}
