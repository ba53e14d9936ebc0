package dev.scrollback.domain.accounts;

import static dev.scrollback.domain.accounts.AccountDeciderTest.ACCOUNT;
import static dev.scrollback.domain.accounts.AccountDeciderTest.ALICE;
import static dev.scrollback.domain.accounts.AccountDeciderTest.ISSUED;
import static dev.scrollback.domain.accounts.AccountDeciderTest.REGISTERED;
import static dev.scrollback.domain.accounts.AccountDeciderTest.RIGHT;
import static dev.scrollback.domain.accounts.AccountDeciderTest.SESSION;
import static dev.scrollback.domain.accounts.AccountDeciderTest.T0;
import static dev.scrollback.domain.accounts.AccountDeciderTest.VERIFIED;
import static dev.scrollback.domain.accounts.AccountDeciderTest.WRONG;
import static dev.scrollback.domain.accounts.AccountDeciderTest.registered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scrollback.domain.accounts.AccountCommand.DisableTotp;
import dev.scrollback.domain.accounts.AccountCommand.EnrolTotp;
import dev.scrollback.domain.accounts.AccountCommand.LogIn;
import dev.scrollback.domain.accounts.AccountEvent.AccountLocked;
import dev.scrollback.domain.accounts.AccountEvent.LoginFailed;
import dev.scrollback.domain.accounts.AccountEvent.LoginFailure;
import dev.scrollback.domain.accounts.AccountEvent.LoginSucceeded;
import dev.scrollback.domain.accounts.AccountEvent.RecoveryCodeUsed;
import dev.scrollback.domain.accounts.AccountEvent.TotpCodeAccepted;
import dev.scrollback.domain.accounts.AccountEvent.TotpDisabled;
import dev.scrollback.domain.accounts.AccountEvent.TotpEnrolled;
import dev.scrollback.domain.accounts.AccountRejected.TotpAlreadyEnabled;
import dev.scrollback.domain.accounts.AccountRejected.TotpNotEnabled;
import dev.scrollback.domain.accounts.AccountRejected.TotpRequired;
import dev.scrollback.domain.accounts.AccountRejected.WrongPassword;
import dev.scrollback.domain.shared.DeciderSpec;
import dev.scrollback.domain.shared.InvalidValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** TOTP on an account: enrol and disable with the password, codes after the password, no replay, recovery codes once. */
class TotpTest {
    static final TotpSecret SECRET = new TotpSecret("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    static final RecoveryCodeHashes RECOVERY = new RecoveryCodeHashes(
            IntStream.range(0, 10).mapToObj(i -> new PasswordHash("recovery:" + i)).toList());
    static final Instant AT = T0.plusSeconds(3600);
    static final long NOW_STEP = AT.getEpochSecond() / 30;
    static final TotpEnrolled ENROLLED = new TotpEnrolled(ACCOUNT, SECRET, RECOVERY, T0.plusSeconds(120));

    final DeciderSpec<AccountCommand, AccountState, AccountEvent> spec = new DeciderSpec<>(new AccountDecider());

    /**
     * An authenticator code as the out-port judges it: the code names the step it was made for, and is right when that
     * step is within ±1 of the step of {@link #AT} (what RFC 6238 §5.2 allows for clock drift).
     */
    static SecondFactorCheck codeFor(long step) {
        return new SecondFactorCheck() {
            @Override
            public OptionalLong totpStep(TotpSecret secret) {
                return Math.abs(step - NOW_STEP) <= 1 ? OptionalLong.of(step) : OptionalLong.empty();
            }

            @Override
            public boolean isRecoveryCode(PasswordHash stored) {
                return false;
            }
        };
    }

    static SecondFactorCheck recoveryCode(int position) {
        return new SecondFactorCheck() {
            @Override
            public OptionalLong totpStep(TotpSecret secret) {
                return OptionalLong.empty();
            }

            @Override
            public boolean isRecoveryCode(PasswordHash stored) {
                return stored.value().equals("recovery:" + position);
            }
        };
    }

    static LogIn logIn(SecretCheck password, SecondFactorCheck code) {
        return new LogIn(password, Optional.empty(), Optional.of(code), SESSION, AT);
    }

    static LoginSucceeded succeeded() {
        return new LoginSucceeded(ACCOUNT, ALICE, SESSION, AT);
    }

    static LoginFailed wrongTotp() {
        return new LoginFailed(ACCOUNT, ALICE, LoginFailure.WRONG_TOTP, AT);
    }

    @Test
    void enrolling_needs_the_password_and_records_the_key_and_recovery_code_hashes() {
        spec.given(REGISTERED, ISSUED, VERIFIED).when(new EnrolTotp(RIGHT, SECRET, RECOVERY, T0.plusSeconds(120)))
                .then(ENROLLED)
                .thenStateSatisfies(s -> assertThat(registered(s).totp()).hasValueSatisfying(t -> {
                    assertThat(t.recoveryCodesLeft()).isEqualTo(10);
                    assertThat(t.lastAcceptedStep()).isEmpty();
                }));
        spec.given(REGISTERED, ISSUED, VERIFIED).when(new EnrolTotp(WRONG, SECRET, RECOVERY, AT))
                .thenRejectedWith(new WrongPassword());
    }

    @Test
    void enrolling_twice_is_refused() {
        spec.given(REGISTERED, ISSUED, VERIFIED, ENROLLED).when(new EnrolTotp(RIGHT, SECRET, RECOVERY, AT))
                .thenRejectedWith(new TotpAlreadyEnabled());
    }

    @Test
    void without_totp_the_password_alone_lets_in() {
        spec.given(REGISTERED, ISSUED, VERIFIED).when(new LogIn(RIGHT, SESSION, AT)).then(succeeded());
    }

    @Test
    void with_totp_the_right_password_alone_is_told_a_code_is_required_and_nothing_is_recorded() {
        spec.given(REGISTERED, ISSUED, VERIFIED, ENROLLED).when(new LogIn(RIGHT, SESSION, AT))
                .thenRejectedWith(new TotpRequired());
    }

    @Test
    void a_wrong_password_fails_as_ever_whatever_the_code() {
        spec.given(REGISTERED, ISSUED, VERIFIED, ENROLLED).when(logIn(WRONG, codeFor(NOW_STEP)))
                .then(new LoginFailed(ACCOUNT, ALICE, LoginFailure.WRONG_PASSWORD, AT));
    }

    @Test
    void the_current_code_and_one_step_either_side_are_accepted_and_the_step_recorded() {
        for (long step : new long[] {NOW_STEP - 1, NOW_STEP, NOW_STEP + 1}) {
            spec.given(REGISTERED, ISSUED, VERIFIED, ENROLLED).when(logIn(RIGHT, codeFor(step)))
                    .then(succeeded(), new TotpCodeAccepted(ACCOUNT, step, AT))
                    .thenStateSatisfies(s -> assertThat(registered(s).totp().orElseThrow().lastAcceptedStep())
                            .hasValue(step));
        }
    }

    @Test
    void codes_two_steps_away_are_refused_as_a_failed_login() {
        for (long step : new long[] {NOW_STEP - 2, NOW_STEP + 2}) {
            spec.given(REGISTERED, ISSUED, VERIFIED, ENROLLED).when(logIn(RIGHT, codeFor(step))).then(wrongTotp());
        }
    }

    @Test
    void a_code_is_never_accepted_twice_nor_an_older_one_after_it() {
        var used = new TotpCodeAccepted(ACCOUNT, NOW_STEP, AT.minusSeconds(5));
        spec.given(REGISTERED, ISSUED, VERIFIED, ENROLLED, used).when(logIn(RIGHT, codeFor(NOW_STEP))).then(wrongTotp());
        spec.given(REGISTERED, ISSUED, VERIFIED, ENROLLED, used).when(logIn(RIGHT, codeFor(NOW_STEP - 1))).then(wrongTotp());
        spec.given(REGISTERED, ISSUED, VERIFIED, ENROLLED, used).when(logIn(RIGHT, codeFor(NOW_STEP + 1)))
                .then(succeeded(), new TotpCodeAccepted(ACCOUNT, NOW_STEP + 1, AT));
    }

    @Test
    void a_recovery_code_lets_in_once() {
        spec.given(REGISTERED, ISSUED, VERIFIED, ENROLLED).when(logIn(RIGHT, recoveryCode(3)))
                .then(succeeded(), new RecoveryCodeUsed(ACCOUNT, 3, 9, AT));
        spec.given(REGISTERED, ISSUED, VERIFIED, ENROLLED, new RecoveryCodeUsed(ACCOUNT, 3, 9, AT.minusSeconds(60)))
                .when(logIn(RIGHT, recoveryCode(3))).then(wrongTotp());
    }

    @Test
    void wrong_codes_count_towards_the_lock_like_wrong_passwords() {
        var history = new ArrayList<AccountEvent>(List.of(REGISTERED, ISSUED, VERIFIED, ENROLLED));
        for (int i = LoginAttempts.LOCK_AT - 1; i >= 1; i--) {
            history.add(new LoginFailed(ACCOUNT, ALICE, LoginFailure.WRONG_TOTP, AT.minusSeconds(600L * i)));
        }
        spec.given(history).when(logIn(RIGHT, codeFor(NOW_STEP + 5)))
                .then(wrongTotp(), AccountLocked.afterFailedLogins(ACCOUNT, AT.plus(LoginAttempts.LOCK_FOR), AT));
    }

    @Test
    void disabling_needs_the_password_and_then_the_password_alone_lets_in_again() {
        spec.given(REGISTERED, ISSUED, VERIFIED, ENROLLED).when(new DisableTotp(WRONG, AT)).thenRejectedWith(new WrongPassword());
        spec.given(REGISTERED, ISSUED, VERIFIED, ENROLLED).when(new DisableTotp(RIGHT, AT)).then(new TotpDisabled(ACCOUNT, AT));
        spec.given(REGISTERED, ISSUED, VERIFIED, ENROLLED, new TotpDisabled(ACCOUNT, AT.minusSeconds(1)))
                .when(new LogIn(RIGHT, SESSION, AT)).then(succeeded());
        spec.given(REGISTERED, ISSUED, VERIFIED).when(new DisableTotp(RIGHT, AT)).thenRejectedWith(new TotpNotEnabled());
    }

    @Test
    void a_totp_secret_is_base32_and_never_printed() {
        assertThat(SECRET.toString()).isEqualTo("***");
        assertThat(RECOVERY.toString()).doesNotContain("recovery:");
        for (var hostile : new String[] {"", "short", "abcdefghijklmnopqrstuvwx", "GEZDGNBVGY3TQOJQ=", "A".repeat(129), "GEZDGNBV GY3TQOJQ"}) {
            assertThatThrownBy(() -> new TotpSecret(hostile)).isInstanceOf(InvalidValue.class);
        }
    }
}
