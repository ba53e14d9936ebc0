package dev.scrollback.application.accounts;

import static dev.scrollback.application.accounts.AccountsFixture.WEB;
import static dev.scrollback.application.accounts.AccountsFixture.emailOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.scrollback.domain.accounts.AccountEvent.EmailVerificationIssued;
import dev.scrollback.domain.accounts.AccountRejected;
import dev.scrollback.domain.accounts.AccountRejected.WrongCode;
import dev.scrollback.domain.accounts.EmailAddress;
import dev.scrollback.domain.accounts.Secret;
import dev.scrollback.domain.shared.Handle;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResendVerificationServiceTest {
    final AccountsFixture bbs = new AccountsFixture();

    void resend(String handle) {
        bbs.resendVerification.resend(new ResendVerification.Command(new Handle(handle), WEB));
    }

    /** Resends until the fresh code differs from {@code old} (one chance in a million that it does not). */
    String freshCodeOtherThan(String handle, String old) {
        for (int i = 0; i < 5; i++) {
            resend(handle);
            if (!bbs.mailer.lastCode().equals(old)) return bbs.mailer.lastCode();
        }
        throw new AssertionError("five resends all mailed " + old);
    }

    @Test
    void a_fresh_code_is_mailed_and_works() {
        bbs.register("alice");
        var old = bbs.mailer.lastCode();
        bbs.clock.advance(Duration.ofHours(23));

        var fresh = freshCodeOtherThan("alice", old);

        assertThat(bbs.mailer.last().to()).isEqualTo(emailOf("alice"));
        var issued = (EmailVerificationIssued) bbs.log.recorded().getLast().event();
        assertThat(issued.expiresAt()).isEqualTo(bbs.clock.instant().plus(Duration.ofHours(24)));
        bbs.clock.advance(Duration.ofHours(2));                  // the old code would have expired by now
        var verified = bbs.verifyEmail.verify(new VerifyEmail.Command(new Handle("alice"), fresh, WEB));
        assertThat(verified.handle()).isEqualTo(new Handle("alice"));
    }

    @Test
    void the_old_code_stops_working() {
        bbs.register("alice");
        var old = bbs.mailer.lastCode();
        freshCodeOtherThan("alice", old);

        var rejected = catchThrowableOfType(AccountRejected.class,
                () -> bbs.verifyEmail.verify(new VerifyEmail.Command(new Handle("alice"), old, WEB)));
        assertThat(rejected.reason()).isEqualTo(new WrongCode());
    }

    @Test
    void an_unknown_handle_gets_nothing_and_learns_nothing() {
        resend("nobody");
        assertThat(bbs.log.recorded()).isEmpty();
        assertThat(bbs.mailer.sent()).isEmpty();
    }

    @Test
    void a_verified_handle_gets_nothing_and_learns_nothing() {
        bbs.member("alice");
        long before = bbs.log.lastPosition();
        int mails = bbs.mailer.sent().size();

        resend("alice");

        assertThat(bbs.log.lastPosition()).isEqualTo(before);
        assertThat(bbs.mailer.sent()).hasSize(mails);
    }

    @Test
    void a_sysop_without_email_gets_nothing() {
        bbs.createSysop.create(new CreateSysop.Command(new Handle("root"), Optional.<EmailAddress>empty(),
                new Secret(AccountsFixture.PASSWORD), dev.scrollback.application.shared.Origin.cli()));
        long before = bbs.log.lastPosition();
        resend("root");
        assertThat(bbs.log.lastPosition()).isEqualTo(before);
        assertThat(bbs.mailer.sent()).isEmpty();
    }

    @Test
    void a_failing_mailer_does_not_fail_the_resend() {
        bbs.register("alice");
        bbs.mailer.failing(true);
        resend("alice");
        assertThat(bbs.log.recorded().getLast().event()).isInstanceOf(EmailVerificationIssued.class);
    }
}
