package dev.scrollback.application.accounts;

import static dev.scrollback.application.accounts.AccountsFixture.PASSWORD;
import static dev.scrollback.application.accounts.AccountsFixture.WEB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scrollback.domain.accounts.AccountEvent.LoginFailed;
import dev.scrollback.domain.accounts.AccountEvent.LoginFailure;
import dev.scrollback.domain.accounts.AccountEvent.RecoveryCodeUsed;
import dev.scrollback.domain.accounts.AccountEvent.TotpCodeAccepted;
import dev.scrollback.domain.accounts.AccountEvent.TotpDisabled;
import dev.scrollback.domain.accounts.AccountEvent.TotpEnrolled;
import dev.scrollback.domain.accounts.AccountRejected;
import dev.scrollback.domain.accounts.AccountRejected.TotpRequired;
import dev.scrollback.domain.accounts.AccountRejected.WrongPassword;
import dev.scrollback.domain.accounts.AccountRejected.WrongTotp;
import dev.scrollback.domain.accounts.LoginAttempts;
import dev.scrollback.domain.accounts.Secret;
import dev.scrollback.domain.shared.Handle;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Enrol and disable TOTP, and log in with it, through the use cases on an in-memory log. */
class TotpServiceTest {
    final AccountsFixture bbs = new AccountsFixture();

    Caller logIn(String code) {
        return bbs.logInCaller.logIn(new LogInCaller.Command(new Handle("Alice"), new Secret(PASSWORD), WEB, Optional.empty(),
                Optional.empty(), Optional.of(new Secret(code))));
    }

    AccountRejected.Reason refusal(Runnable attempt) {
        try {
            attempt.run();
        } catch (AccountRejected rejected) {
            return rejected.reason();
        }
        throw new AssertionError("was let in");
    }

    EnrolTotp.Enrolment enrolAlice() {
        bbs.member("Alice");
        return bbs.totp.enrol(bbs.logIn("Alice"), new Secret(PASSWORD), WEB);
    }

    @Test
    void enrolling_shows_the_uri_and_ten_recovery_codes_once_and_stores_only_hashes() {
        var enrolment = enrolAlice();
        assertThat(enrolment.otpauthUri().getScheme()).isEqualTo("otpauth");
        assertThat(enrolment.recoveryCodes()).hasSize(10).doesNotHaveDuplicates()
                .allSatisfy(code -> assertThat(code).matches("[A-Z2-7]{5}-[A-Z2-7]{5}"));
        var enrolled = bbs.log.readAfter(0, 1000).stream().filter(e -> e.event() instanceof TotpEnrolled).findFirst().orElseThrow();
        assertThat(enrolled.metadata().actor().handle()).hasValue("Alice");
        var hashes = ((TotpEnrolled) enrolled.event()).recoveryCodes().hashes();
        assertThat(hashes).hasSize(10).noneMatch(h -> enrolment.recoveryCodes().stream().anyMatch(c -> h.value().endsWith(c)));
    }

    @Test
    void enrolling_needs_the_current_password() {
        bbs.member("Alice");
        var caller = bbs.logIn("Alice");
        assertThat(refusal(() -> bbs.totp.enrol(caller, new Secret("not my password at all"), WEB))).isEqualTo(new WrongPassword());
    }

    @Test
    void a_login_needs_a_code_after_enrolment_and_a_code_works_once() {
        enrolAlice();
        assertThat(refusal(() -> bbs.logIn("Alice"))).isEqualTo(new TotpRequired());
        var code = StepCodes.codeAt(bbs.clock.instant());
        var position = bbs.log.lastPosition();
        logIn(code);
        assertThat(bbs.since(position)).anyMatch(e -> e.event() instanceof TotpCodeAccepted);
        assertThat(refusal(() -> logIn(code))).isEqualTo(new WrongTotp());
        assertThat(bbs.since(position)).anyMatch(e -> e.event() instanceof LoginFailed f && f.reason() == LoginFailure.WRONG_TOTP);
        bbs.clock.advance(Duration.ofSeconds(30));
        logIn(StepCodes.codeAt(bbs.clock.instant()));
    }

    @Test
    void a_recovery_code_works_in_any_case_and_only_once() {
        var enrolment = enrolAlice();
        var code = enrolment.recoveryCodes().get(4);
        logIn(code.toLowerCase().replace("-", " "));
        assertThat(bbs.since(0)).anyMatch(e -> e.event() instanceof RecoveryCodeUsed used && used.position() == 4 && used.left() == 9);
        assertThat(refusal(() -> logIn(code))).isEqualTo(new WrongTotp());
    }

    @Test
    void disabling_needs_the_password_and_then_the_password_alone_lets_in() {
        enrolAlice();
        var caller = logIn(StepCodes.codeAt(bbs.clock.instant()));
        assertThat(refusal(() -> bbs.totp.disable(caller, new Secret("not my password at all"), WEB))).isEqualTo(new WrongPassword());
        bbs.totp.disable(caller, new Secret(PASSWORD), WEB);
        assertThat(bbs.since(0)).anyMatch(e -> e.event() instanceof TotpDisabled);
        assertThat(bbs.logIn("Alice").handle()).isEqualTo(new Handle("Alice"));
    }

    @Test
    void hostile_codes_are_refused_without_trouble() {
        enrolAlice();
        for (var hostile : new String[] {"x", "12345", "1234567", "0000000000000000000000", "ÄÖÜ-ÄÖÜ", "AAAAA-AAAA!", " ".repeat(20)}) {
            bbs.clock.advance(LoginAttempts.MAX_DELAY);                  // past any slow-down: each one is looked at
            assertThat(refusal(() -> logIn(hostile))).isEqualTo(new WrongTotp());
        }
    }
}
