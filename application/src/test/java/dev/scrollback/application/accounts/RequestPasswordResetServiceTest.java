package dev.scrollback.application.accounts;

import static dev.scrollback.application.accounts.AccountsFixture.WEB;
import static dev.scrollback.application.accounts.AccountsFixture.emailOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scrollback.application.accounts.RequestPasswordReset.Command;
import dev.scrollback.application.accounts.RequestPasswordReset.Identity;
import dev.scrollback.application.shared.Actor;
import dev.scrollback.application.shared.RateLimited;
import dev.scrollback.domain.accounts.AccountEvent.PasswordResetRequested;
import dev.scrollback.domain.accounts.AccountEvent.ResetCause;
import dev.scrollback.domain.accounts.EmailAddress;
import dev.scrollback.domain.shared.Handle;
import dev.scrollback.domain.shared.InvalidValue;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RequestPasswordResetServiceTest {
    static final Pattern RESET_CODE = Pattern.compile("\\b\\d{4}-\\d{4}-\\d{4}-\\d{4}\\b");

    final AccountsFixture bbs = new AccountsFixture();
    final PasswordResetIndex index = new PasswordResetIndex();
    final List<Runnable> later = new ArrayList<>();
    final RequestPasswordReset request = new RequestPasswordResetService(bbs.log, index, bbs.mailer, bbs.clock, bbs.limiter,
            later::add);

    static String codeIn(Mail mail) {
        var m = RESET_CODE.matcher(mail.text());
        assertThat(m.find()).as("a reset code in the mail").isTrue();
        return m.group();
    }

    void runLater() {
        later.forEach(Runnable::run);
        later.clear();
    }

    @Test
    void a_known_handle_gets_a_mailed_code_whose_digest_alone_is_recorded() {
        var alice = bbs.member("alice");
        bbs.log.events().stream().filter(e -> e instanceof dev.scrollback.domain.accounts.AccountEvent)
                .forEach(e -> index.apply((dev.scrollback.domain.accounts.AccountEvent) e));
        bbs.mailer.clear();

        request.request(new Command(new Identity.ByHandle(new Handle("alice")), WEB));
        assertThat(bbs.mailer.sent()).as("nothing happens before the answer").isEmpty();
        runLater();

        var mail = bbs.mailer.last();
        assertThat(mail.to()).isEqualTo(emailOf("alice"));
        var code = codeIn(mail);
        var recorded = bbs.log.recorded().getLast();
        assertThat(recorded.event()).isInstanceOfSatisfying(PasswordResetRequested.class, e -> {
            assertThat(e.account()).isEqualTo(alice);
            assertThat(e.cause()).isEqualTo(ResetCause.OWNER_REQUEST);
            assertThat(e.codeDigest()).isEqualTo(ResetCodes.digestOf(code).orElseThrow());
            assertThat(e.codeDigest().value()).doesNotContain(code.replace("-", ""));
            assertThat(e.expiresAt()).isEqualTo(bbs.clock.instant().plus(ResetCodes.VALIDITY));
        });
        assertThat(recorded.metadata().actor()).isEqualTo(Actor.anonymous());
        assertThat(index.accountOf(ResetCodes.digestOf(code).orElseThrow())).contains(alice);
    }

    @Test
    void the_email_on_file_finds_the_account_whatever_its_case() {
        bbs.member("alice");
        bbs.log.events().stream().filter(e -> e instanceof dev.scrollback.domain.accounts.AccountEvent)
                .forEach(e -> index.apply((dev.scrollback.domain.accounts.AccountEvent) e));
        bbs.mailer.clear();

        request.request(new Command(new Identity.ByEmail(new EmailAddress("ALICE@example.test")), WEB));
        runLater();

        assertThat(bbs.mailer.sent()).singleElement().satisfies(mail -> assertThat(mail.to()).isEqualTo(emailOf("alice")));
    }

    @Test
    void an_unknown_handle_or_address_answers_alike_and_records_and_mails_nothing() {
        int before = bbs.log.recorded().size();
        request.request(new Command(new Identity.ByHandle(new Handle("nobody")), WEB));
        request.request(new Command(new Identity.ByEmail(new EmailAddress("nobody@example.test")), WEB));
        runLater();
        assertThat(bbs.log.recorded()).hasSize(before);
        assertThat(bbs.mailer.sent()).isEmpty();
    }

    @Test
    void each_handle_or_address_is_limited_known_or_not() {
        for (int i = 0; i < RequestPasswordResetService.PER_IDENTITY.permits(); i++) {
            request.request(new Command(new Identity.ByHandle(new Handle("nobody")), WEB));
        }
        assertThatThrownBy(() -> request.request(new Command(new Identity.ByHandle(new Handle("NoBody")), WEB)))
                .isInstanceOf(RateLimited.class);
        request.request(new Command(new Identity.ByHandle(new Handle("somebody")), WEB));     // another key
    }

    @Test
    void what_the_caller_typed_is_an_address_when_it_has_an_at_sign_and_a_handle_otherwise() {
        assertThat(Identity.parse(" alice ")).isEqualTo(new Identity.ByHandle(new Handle("alice")));
        assertThat(Identity.parse("alice@example.test")).isEqualTo(new Identity.ByEmail(new EmailAddress("alice@example.test")));
        assertThatThrownBy(() -> Identity.parse("")).isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> Identity.parse("not a handle!")).isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> Identity.parse("@@@")).isInstanceOf(InvalidValue.class);
    }

    @Test
    void codes_are_sixteen_digits_read_with_or_without_grouping() {
        var issued = ResetCodes.issue();
        assertThat(issued.text()).matches("\\d{4}-\\d{4}-\\d{4}-\\d{4}");
        var bare = issued.text().replace("-", "");
        assertThat(ResetCodes.digestOf(bare)).contains(issued.digest());
        assertThat(ResetCodes.digestOf(" " + bare.substring(0, 8) + " " + bare.substring(8))).contains(issued.digest());
        assertThat(ResetCodes.digestOf("123456")).isEmpty();
        assertThat(ResetCodes.digestOf("1234-5678-9012-345x")).isEmpty();
        assertThat(ResetCodes.digestOf("1".repeat(10_000))).isEmpty();
        assertThat(ResetCodes.issue().text()).isNotEqualTo(issued.text());
    }
}
