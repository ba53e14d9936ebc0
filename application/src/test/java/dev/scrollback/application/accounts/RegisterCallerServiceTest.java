package dev.scrollback.application.accounts;

import static dev.scrollback.application.accounts.AccountsFixture.PASSWORD;
import static dev.scrollback.application.accounts.AccountsFixture.T0;
import static dev.scrollback.application.accounts.AccountsFixture.WEB;
import static dev.scrollback.application.accounts.AccountsFixture.emailOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.scrollback.application.shared.Actor;
import dev.scrollback.application.shared.EventMetadata;
import dev.scrollback.application.shared.ExpectedVersion;
import dev.scrollback.application.shared.StreamAppend;
import dev.scrollback.domain.accounts.AccountEvent.AccountRegistered;
import dev.scrollback.domain.accounts.AccountEvent.EmailVerificationIssued;
import dev.scrollback.domain.accounts.AccountRejected;
import dev.scrollback.domain.accounts.AccountRejected.HandleReserved;
import dev.scrollback.domain.accounts.AccountRejected.HandleTaken;
import dev.scrollback.domain.accounts.AccountRejected.WeakPassword;
import dev.scrollback.domain.accounts.HandleEvent.HandleClaimed;
import dev.scrollback.domain.accounts.PasswordPolicy.Weakness;
import dev.scrollback.domain.accounts.Secret;
import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.Handle;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RegisterCallerServiceTest {
    final AccountsFixture bbs = new AccountsFixture();

    AccountRejected.Reason refusal(String handle, String password) {
        var rejected = catchThrowableOfType(AccountRejected.class, () -> bbs.registerCaller.register(
                new RegisterCaller.Command(new Handle(handle), emailOf("someone"), new Secret(password), WEB)));
        assertThat(rejected).as("registration of %s should be refused", handle).isNotNull();
        return rejected.reason();
    }

    @Test
    void registering_claims_the_handle_and_opens_an_account_with_a_pending_verification() {
        var registered = bbs.register("Alice");
        var alice = new Handle("Alice");
        var account = registered.account();

        assertThat(registered.handle()).isEqualTo(alice);
        assertThat(bbs.log.events(AccountStreams.handle(alice))).containsExactly(new HandleClaimed(alice, account, T0));
        assertThat(AccountStreams.handle(alice).value()).isEqualTo("handle-alice");
        var accountEvents = bbs.log.events(AccountStreams.account(account));
        assertThat(accountEvents).hasSize(2);
        assertThat(accountEvents.get(0)).isEqualTo(new AccountRegistered(account, alice, Optional.of(emailOf("alice")),
                PlainTextHasher.hashOf(PASSWORD), T0));
        var issued = (EmailVerificationIssued) accountEvents.get(1);
        assertThat(issued.expiresAt()).isEqualTo(T0.plus(Duration.ofHours(24)));
        assertThat(AccountStreams.account(account).value()).isEqualTo("account-" + account.value());
    }

    @Test
    void everything_is_appended_at_once_by_the_new_caller() {
        var account = bbs.register("alice").account();
        var recorded = bbs.log.recorded();
        assertThat(recorded).extracting(r -> r.position()).containsExactly(1L, 2L, 3L);
        assertThat(recorded).extracting(r -> r.metadata()).containsOnly(recorded.getFirst().metadata());
        var metadata = recorded.getFirst().metadata();
        assertThat(metadata.actor()).isEqualTo(Actor.user(account, new Handle("alice")));
        assertThat(metadata.origin()).isEqualTo(WEB);
        assertThat(metadata.occurredAt()).isEqualTo(T0);
        assertThat(recorded).extracting(r -> r.type())
                .containsExactly("HandleClaimed", "AccountRegistered", "EmailVerificationIssued");
    }

    @Test
    void the_verification_code_is_mailed_and_only_its_hash_is_kept() {
        bbs.register("alice");
        var mail = bbs.mailer.last();
        assertThat(mail.to()).isEqualTo(emailOf("alice"));
        var code = bbs.mailer.lastCode();
        assertThat(code).matches("\\d{6}");
        var issued = bbs.log.events().stream().filter(EmailVerificationIssued.class::isInstance)
                .map(EmailVerificationIssued.class::cast).findFirst().orElseThrow();
        assertThat(issued.codeHash()).isEqualTo(PlainTextHasher.hashOf(code));
    }

    @ParameterizedTest
    @ValueSource(strings = {"too short", "my name is alice, remember it", "alice@example.test is my mail"})
    void a_weak_password_is_refused_before_anything_is_written(String password) {
        int hashes = bbs.hasher.hashes();
        var rejected = catchThrowableOfType(AccountRejected.class, () -> bbs.registerCaller.register(
                new RegisterCaller.Command(new Handle("alice"), emailOf("alice"), new Secret(password), WEB)));
        assertThat(rejected.reason()).isInstanceOf(WeakPassword.class);
        assertThat(bbs.log.recorded()).isEmpty();
        assertThat(bbs.mailer.sent()).isEmpty();
        assertThat(bbs.hasher.hashes()).isEqualTo(hashes);                // not even hashed
    }

    @Test
    void the_weakness_is_named() {
        assertThat(refusal("alice", "short")).isEqualTo(new WeakPassword(Weakness.TOO_SHORT));
        assertThat(refusal("alice", "ALICE in wonderland")).isEqualTo(new WeakPassword(Weakness.CONTAINS_HANDLE));
    }

    @Test
    void a_taken_handle_is_refused_and_nothing_more_is_written() {
        bbs.register("alice");
        long before = bbs.log.lastPosition();
        assertThat(refusal("alice", PASSWORD)).isEqualTo(new HandleTaken(new Handle("alice")));
        assertThat(bbs.log.lastPosition()).isEqualTo(before);
        assertThat(bbs.mailer.sent()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ALICE", "Alice", "Ａｌｉｃｅ", "ａｌｉｃｅ"})
    void a_look_alike_of_a_taken_handle_is_taken(String lookAlike) {
        bbs.register("alice");
        assertThat(refusal(lookAlike, PASSWORD)).isEqualTo(new HandleTaken(new Handle(lookAlike)));
    }

    @Test
    void look_alikes_built_from_ligatures_and_sharp_s_are_taken_too() {
        bbs.register("fisher");
        bbs.register("straße");
        assertThat(refusal("ﬁsher", PASSWORD)).isInstanceOf(HandleTaken.class);
        assertThat(refusal("STRASSE", PASSWORD)).isInstanceOf(HandleTaken.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sysop", "SysOp", "new", "all", "guest", "system"})
    void a_reserved_handle_is_refused(String reserved) {
        assertThat(refusal(reserved, PASSWORD)).isEqualTo(new HandleReserved(new Handle(reserved)));
        assertThat(bbs.log.recorded()).isEmpty();
    }

    @Test
    void losing_the_race_for_a_handle_is_handle_taken() {
        var rival = new AccountId(UUID.randomUUID());
        var alice = new Handle("alice");
        bbs.log.beforeNextAppend(() -> bbs.log.append(new StreamAppend(AccountStreams.handle(alice), ExpectedVersion.noStream(),
                java.util.List.of(new HandleClaimed(alice, rival, T0))), EventMetadata.of(Actor.system(), WEB, T0)));

        assertThat(refusal("alice", PASSWORD)).isEqualTo(new HandleTaken(alice));
        assertThat(bbs.log.events()).containsExactly(new HandleClaimed(alice, rival, T0));
        assertThat(bbs.mailer.sent()).isEmpty();
    }

    @Test
    void the_account_stands_when_the_mail_fails_and_a_fresh_code_can_be_asked_for() {
        bbs.mailer.failing(true);
        var account = bbs.register("alice").account();
        assertThat(bbs.log.events(AccountStreams.account(account))).hasSize(2);

        bbs.mailer.failing(false);
        bbs.resendVerification.resend(new ResendVerification.Command(new Handle("alice"), WEB));
        var verified = bbs.verifyEmail.verify(new VerifyEmail.Command(new Handle("alice"), bbs.mailer.lastCode(), WEB));
        assertThat(verified.account()).isEqualTo(account);
    }

    @Test
    void two_callers_get_two_accounts() {
        var alice = bbs.register("alice").account();
        var bob = bbs.register("bob").account();
        assertThat(alice).isNotEqualTo(bob);
        assertThat(bbs.mailer.sent()).extracting(Mail::to).containsExactly(emailOf("alice"), emailOf("bob"));
    }
}
