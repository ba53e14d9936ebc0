package dev.scrollback.application.accounts;

import static dev.scrollback.application.accounts.AccountsFixture.WEB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.scrollback.application.shared.Actor;
import dev.scrollback.domain.accounts.AccountEvent.EmailVerified;
import dev.scrollback.domain.accounts.AccountRejected;
import dev.scrollback.domain.accounts.AccountRejected.AlreadyVerified;
import dev.scrollback.domain.accounts.AccountRejected.CodeExpired;
import dev.scrollback.domain.accounts.AccountRejected.WrongCode;
import dev.scrollback.domain.shared.Handle;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class VerifyEmailServiceTest {
    final AccountsFixture bbs = new AccountsFixture();
    final Handle alice = new Handle("alice");

    VerifyEmail.Verified verify(String handle, String code) {
        return bbs.verifyEmail.verify(new VerifyEmail.Command(new Handle(handle), code, WEB));
    }

    AccountRejected.Reason refusal(String handle, String code) {
        var rejected = catchThrowableOfType(AccountRejected.class, () -> verify(handle, code));
        assertThat(rejected).as("verifying %s with %s should be refused", handle, code).isNotNull();
        return rejected.reason();
    }

    @Test
    void the_mailed_code_verifies_the_email() {
        var account = bbs.register("alice").account();
        bbs.clock.advance(Duration.ofMinutes(3));

        var verified = verify("alice", bbs.mailer.lastCode());

        assertThat(verified).isEqualTo(new VerifyEmail.Verified(account, alice));
        var last = bbs.log.recorded().getLast();
        assertThat(last.event()).isEqualTo(new EmailVerified(account, bbs.clock.instant()));
        assertThat(last.stream()).isEqualTo(AccountStreams.account(account));
        assertThat(last.metadata().actor()).isEqualTo(Actor.user(account, alice));
    }

    @Test
    void the_code_works_with_any_spelling_of_the_handle() {
        bbs.register("alice");
        assertThat(verify("ＡＬＩＣＥ", bbs.mailer.lastCode()).handle()).isEqualTo(alice);
    }

    @Test
    void a_wrong_code_is_refused_and_nothing_is_written() {
        bbs.register("alice");
        long before = bbs.log.lastPosition();
        var wrong = bbs.mailer.lastCode().equals("000000") ? "000001" : "000000";
        assertThat(refusal("alice", wrong)).isEqualTo(new WrongCode());
        assertThat(bbs.log.lastPosition()).isEqualTo(before);
    }

    @Test
    void a_code_is_good_for_just_under_24_hours() {
        bbs.register("alice");
        bbs.clock.advance(Duration.ofHours(24).minusSeconds(1));
        assertThat(verify("alice", bbs.mailer.lastCode()).handle()).isEqualTo(alice);
    }

    @Test
    void a_code_has_expired_after_24_hours() {
        bbs.register("alice");
        bbs.clock.advance(Duration.ofHours(24));
        assertThat(refusal("alice", bbs.mailer.lastCode())).isEqualTo(new CodeExpired());
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "12345", "1234567", "abcdef", " 123456", "123456 ", "12 456", "12345a", "١٢٣٤٥٦",
            "１２３４５６", "123456\n", "-12345"})
    void a_malformed_code_is_a_wrong_code(String code) {
        bbs.register("alice");
        assertThat(refusal("alice", code)).isEqualTo(new WrongCode());
    }

    @Test
    void an_unknown_handle_is_a_wrong_code() {
        assertThat(refusal("nobody", "123456")).isEqualTo(new WrongCode());
        assertThat(bbs.log.recorded()).isEmpty();
    }

    @Test
    void verifying_twice_is_refused() {
        bbs.register("alice");
        var code = bbs.mailer.lastCode();
        verify("alice", code);
        assertThat(refusal("alice", code)).isEqualTo(new AlreadyVerified());
    }
}
