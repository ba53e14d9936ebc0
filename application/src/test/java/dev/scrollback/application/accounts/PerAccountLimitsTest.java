package dev.scrollback.application.accounts;

import static dev.scrollback.application.accounts.AccountsFixture.PASSWORD;
import static dev.scrollback.application.accounts.AccountsFixture.WEB;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scrollback.application.shared.Origin;
import dev.scrollback.application.shared.RateLimited;
import dev.scrollback.domain.accounts.AccountRejected;
import dev.scrollback.domain.accounts.EmailAddress;
import dev.scrollback.domain.accounts.Secret;
import dev.scrollback.domain.shared.Channel;
import dev.scrollback.domain.shared.Handle;
import dev.scrollback.domain.shared.RemoteAddress;
import org.junit.jupiter.api.Test;

/**
 * Issue 3, item 9: besides the per-address limits of the adapters, each account (or the handle or address asked
 * about, known or not) has its own: guesses and mail from many addresses are capped all the same.
 */
class PerAccountLimitsTest {
    final AccountsFixture bbs = new AccountsFixture();

    /** Each attempt from another address, as a botnet would. */
    static Origin from(int i) {
        return Origin.of(Channel.WEB, new RemoteAddress("198.51.100." + (i % 250 + 1)));
    }

    @Test
    void verification_guesses_on_one_handle_are_capped_known_or_not() {
        bbs.register("alice");
        for (var handle : new String[] {"alice", "nobody"}) {
            for (int i = 0; i < VerifyEmailService.PER_ACCOUNT.permits(); i++) {
                try {
                    bbs.verifyEmail.verify(new VerifyEmail.Command(new Handle(handle), "000000", from(i)));
                } catch (AccountRejected wrongCode) {
                    // counted all the same
                }
            }
            assertThatThrownBy(() -> bbs.verifyEmail.verify(new VerifyEmail.Command(new Handle(handle.toUpperCase()), "000000", WEB)))
                    .as(handle).isInstanceOf(RateLimited.class);
        }
    }

    @Test
    void verification_mail_to_one_handle_is_capped() {
        bbs.register("alice");
        for (int i = 0; i < ResendVerificationService.PER_ACCOUNT.permits(); i++) {
            bbs.resendVerification.resend(new ResendVerification.Command(new Handle("alice"), from(i)));
        }
        assertThatThrownBy(() -> bbs.resendVerification.resend(new ResendVerification.Command(new Handle("alice"), WEB)))
                .isInstanceOf(RateLimited.class);
    }

    @Test
    void sign_ups_with_one_email_address_are_capped() {
        var email = new EmailAddress("target@example.test");
        for (int i = 0; i < RegisterCallerService.PER_EMAIL.permits(); i++) {
            bbs.registerCaller.register(new RegisterCaller.Command(new Handle("user" + i), email, new Secret(PASSWORD), from(i)));
        }
        assertThatThrownBy(() -> bbs.registerCaller.register(new RegisterCaller.Command(new Handle("another"),
                new EmailAddress("TARGET@example.test"), new Secret(PASSWORD), WEB))).isInstanceOf(RateLimited.class);
    }
}
