package dev.scrollback.domain.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.domain.accounts.AccountCommand.GrantRole;
import dev.scrollback.domain.accounts.AccountCommand.IssueEmailVerification;
import dev.scrollback.domain.accounts.AccountCommand.LogIn;
import dev.scrollback.domain.accounts.AccountCommand.LogOut;
import dev.scrollback.domain.accounts.AccountCommand.Register;
import dev.scrollback.domain.accounts.AccountCommand.RegisterSysop;
import dev.scrollback.domain.accounts.AccountCommand.VerifyEmail;
import dev.scrollback.domain.accounts.AccountEvent.AccountRegistered;
import dev.scrollback.domain.accounts.AccountEvent.EmailVerificationIssued;
import dev.scrollback.domain.accounts.AccountEvent.EmailVerified;
import dev.scrollback.domain.accounts.AccountEvent.LoggedOut;
import dev.scrollback.domain.accounts.AccountEvent.LoginFailed;
import dev.scrollback.domain.accounts.AccountEvent.LoginFailure;
import dev.scrollback.domain.accounts.AccountEvent.LoginSucceeded;
import dev.scrollback.domain.accounts.AccountEvent.RoleGranted;
import dev.scrollback.domain.accounts.AccountRejected.AlreadyRegistered;
import dev.scrollback.domain.accounts.AccountRejected.AlreadyVerified;
import dev.scrollback.domain.accounts.AccountRejected.CodeExpired;
import dev.scrollback.domain.accounts.AccountRejected.InvalidCredentials;
import dev.scrollback.domain.accounts.AccountRejected.NoEmailOnFile;
import dev.scrollback.domain.accounts.AccountRejected.UnknownAccount;
import dev.scrollback.domain.accounts.AccountRejected.WrongCode;
import dev.scrollback.domain.accounts.AccountState.PendingVerification;
import dev.scrollback.domain.accounts.AccountState.Registered;
import dev.scrollback.domain.accounts.AccountState.Unregistered;
import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.DeciderSpec;
import dev.scrollback.domain.shared.Handle;
import dev.scrollback.domain.shared.SessionId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class AccountDeciderTest {
    static final AccountId ACCOUNT = new AccountId(UUID.fromString("0195f0a0-0000-7000-8000-000000000001"));
    static final Handle ALICE = new Handle("Alice");
    static final Optional<EmailAddress> EMAIL = Optional.of(new EmailAddress("alice@example.test"));
    static final PasswordHash HASH = new PasswordHash("$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA");
    static final PasswordHash CODE_HASH = new PasswordHash("code:123456");
    static final PasswordHash NEW_CODE_HASH = new PasswordHash("code:654321");
    static final SessionId SESSION = new SessionId(UUID.fromString("0195f0a0-0000-7000-8000-0000000000aa"));
    static final Instant T0 = Instant.parse("2025-03-01T20:00:00Z");
    static final Instant EXPIRES = T0.plus(Duration.ofHours(24));
    static final SecretCheck RIGHT = stored -> true;
    static final SecretCheck WRONG = stored -> false;

    static final AccountRegistered REGISTERED = new AccountRegistered(ACCOUNT, ALICE, EMAIL, HASH, T0);
    static final EmailVerificationIssued ISSUED = new EmailVerificationIssued(ACCOUNT, CODE_HASH, EXPIRES, T0);
    static final EmailVerified VERIFIED = new EmailVerified(ACCOUNT, T0.plusSeconds(60));

    final DeciderSpec<AccountCommand, AccountState, AccountEvent> spec = new DeciderSpec<>(new AccountDecider());

    static SecretCheck matching(PasswordHash expected) {
        return expected::equals;
    }

    static Registered registered(AccountState state) {
        assertThat(state).isInstanceOf(Registered.class);
        return (Registered) state;
    }

    @Nested
    class Registering {
        @Test
        void a_new_account_is_registered() {
            spec.given()
                    .when(new Register(ACCOUNT, ALICE, EMAIL, HASH, T0))
                    .then(REGISTERED)
                    .thenState(new Registered(ACCOUNT, ALICE, EMAIL, HASH, false, Optional.empty(), Set.of(),
                            LoginAttempts.none(), LoginHistory.none(), T0, Optional.empty(), Optional.empty(),
                            AccountState.PasswordReset.none(), Optional.empty()));
        }

        @Test
        void registering_the_same_account_twice_is_rejected() {
            spec.given(REGISTERED)
                    .when(new Register(ACCOUNT, ALICE, EMAIL, HASH, T0.plusSeconds(5)))
                    .thenRejectedWith(new AlreadyRegistered());
        }

        @Test
        void a_sysop_is_registered_verified_and_holding_the_sysop_role() {
            spec.given()
                    .when(new RegisterSysop(ACCOUNT, ALICE, Optional.empty(), HASH, T0))
                    .then(new AccountRegistered(ACCOUNT, ALICE, Optional.empty(), HASH, T0),
                            new EmailVerified(ACCOUNT, T0),
                            new RoleGranted(ACCOUNT, Role.SYSOP, T0))
                    .thenStateSatisfies(state -> {
                        assertThat(registered(state).emailVerified()).isTrue();
                        assertThat(registered(state).effectiveRoles()).containsExactlyInAnyOrder(Role.SYSOP, Role.MEMBER);
                    });
        }

        @Test
        void a_sysop_cannot_be_registered_over_an_existing_account() {
            spec.given(REGISTERED)
                    .when(new RegisterSysop(ACCOUNT, ALICE, Optional.empty(), HASH, T0))
                    .thenRejectedWith(new AlreadyRegistered());
        }

        @Test
        void a_fresh_account_is_a_guest_until_verified() {
            spec.given(REGISTERED)
                    .thenStateSatisfies(state -> assertThat(registered(state).effectiveRoles()).containsExactly(Role.GUEST));
        }
    }

    @Nested
    class VerifyingTheEmail {
        @Test
        void a_code_is_issued_to_an_unverified_account() {
            spec.given(REGISTERED)
                    .when(new IssueEmailVerification(CODE_HASH, EXPIRES, T0))
                    .then(ISSUED)
                    .thenStateSatisfies(state -> assertThat(registered(state).pendingVerification())
                            .contains(new PendingVerification(CODE_HASH, EXPIRES)));
        }

        @Test
        void no_code_is_issued_to_a_verified_account() {
            spec.given(REGISTERED, ISSUED, VERIFIED)
                    .when(new IssueEmailVerification(NEW_CODE_HASH, EXPIRES, T0))
                    .thenRejectedWith(new AlreadyVerified());
        }

        @Test
        void no_code_is_issued_without_an_email_address() {
            spec.given(new AccountRegistered(ACCOUNT, ALICE, Optional.empty(), HASH, T0))
                    .when(new IssueEmailVerification(CODE_HASH, EXPIRES, T0))
                    .thenRejectedWith(new NoEmailOnFile());
        }

        @Test
        void no_code_is_issued_to_an_unknown_account() {
            spec.given()
                    .when(new IssueEmailVerification(CODE_HASH, EXPIRES, T0))
                    .thenRejectedWith(new UnknownAccount());
        }

        @Test
        void the_right_code_verifies_the_email_and_makes_a_member() {
            var at = T0.plusSeconds(60);
            spec.given(REGISTERED, ISSUED)
                    .when(new VerifyEmail(matching(CODE_HASH), at))
                    .then(new EmailVerified(ACCOUNT, at))
                    .thenStateSatisfies(state -> {
                        assertThat(registered(state).emailVerified()).isTrue();
                        assertThat(registered(state).pendingVerification()).isEmpty();
                        assertThat(registered(state).effectiveRoles()).containsExactly(Role.MEMBER);
                    });
        }

        @Test
        void a_wrong_code_is_rejected() {
            spec.given(REGISTERED, ISSUED)
                    .when(new VerifyEmail(WRONG, T0.plusSeconds(60)))
                    .thenRejectedWith(new WrongCode());
        }

        @Test
        void a_code_is_still_good_one_instant_before_it_expires() {
            var at = EXPIRES.minusNanos(1);
            spec.given(REGISTERED, ISSUED)
                    .when(new VerifyEmail(matching(CODE_HASH), at))
                    .then(new EmailVerified(ACCOUNT, at));
        }

        @Test
        void a_code_has_expired_at_its_expiry_instant() {
            spec.given(REGISTERED, ISSUED)
                    .when(new VerifyEmail(matching(CODE_HASH), EXPIRES))
                    .thenRejectedWith(new CodeExpired());
        }

        @Test
        void a_code_has_expired_after_its_expiry_instant() {
            spec.given(REGISTERED, ISSUED)
                    .when(new VerifyEmail(matching(CODE_HASH), EXPIRES.plusSeconds(1)))
                    .thenRejectedWith(new CodeExpired());
        }

        @Test
        void a_reissued_code_replaces_the_old_one() {
            var reissued = new EmailVerificationIssued(ACCOUNT, NEW_CODE_HASH, EXPIRES.plusSeconds(600), T0.plusSeconds(600));
            spec.given(REGISTERED, ISSUED, reissued)
                    .when(new VerifyEmail(matching(CODE_HASH), T0.plusSeconds(700)))
                    .thenRejectedWith(new WrongCode());
            spec.given(REGISTERED, ISSUED, reissued)
                    .when(new VerifyEmail(matching(NEW_CODE_HASH), T0.plusSeconds(700)))
                    .then(new EmailVerified(ACCOUNT, T0.plusSeconds(700)));
        }

        @Test
        void verifying_without_any_code_issued_is_a_wrong_code() {
            spec.given(REGISTERED)
                    .when(new VerifyEmail(RIGHT, T0))
                    .thenRejectedWith(new WrongCode());
        }

        @Test
        void verifying_twice_is_rejected_as_already_verified() {
            spec.given(REGISTERED, ISSUED, VERIFIED)
                    .when(new VerifyEmail(matching(CODE_HASH), T0.plusSeconds(120)))
                    .thenRejectedWith(new AlreadyVerified());
        }

        @Test
        void verifying_an_unknown_account_says_nothing_about_it() {
            spec.given()
                    .when(new VerifyEmail(RIGHT, T0))
                    .thenRejectedWith(new InvalidCredentials());
        }
    }

    @Nested
    class LoggingIn {
        final Instant at = T0.plusSeconds(3600);

        @Test
        void the_right_password_on_a_verified_account_logs_in() {
            spec.given(REGISTERED, ISSUED, VERIFIED)
                    .when(new LogIn(matching(HASH), SESSION, at))
                    .then(new LoginSucceeded(ACCOUNT, ALICE, SESSION, at))
                    .thenStateSatisfies(state -> assertThat(registered(state).lastLogin()).contains(at));
        }

        @Test
        void a_wrong_password_is_recorded_as_a_failed_login() {
            spec.given(REGISTERED, ISSUED, VERIFIED)
                    .when(new LogIn(WRONG, SESSION, at))
                    .then(new LoginFailed(ACCOUNT, ALICE, LoginFailure.WRONG_PASSWORD, at))
                    .thenStateSatisfies(state -> {
                        assertThat(registered(state).consecutiveFailures()).isEqualTo(1);
                        assertThat(registered(state).lastLogin()).isEmpty();
                    });
        }

        @Test
        void the_right_password_on_an_unverified_account_fails_for_the_missing_verification() {
            spec.given(REGISTERED, ISSUED)
                    .when(new LogIn(matching(HASH), SESSION, at))
                    .then(new LoginFailed(ACCOUNT, ALICE, LoginFailure.EMAIL_NOT_VERIFIED, at))
                    .thenStateSatisfies(state -> assertThat(registered(state).consecutiveFailures()).isZero());
        }

        @Test
        void a_wrong_password_on_an_unverified_account_does_not_reveal_the_verification_state() {
            spec.given(REGISTERED, ISSUED)
                    .when(new LogIn(WRONG, SESSION, at))
                    .then(new LoginFailed(ACCOUNT, ALICE, LoginFailure.WRONG_PASSWORD, at));
        }

        @Test
        void logging_in_to_an_unknown_account_is_invalid_credentials() {
            spec.given()
                    .when(new LogIn(RIGHT, SESSION, at))
                    .thenRejectedWith(new InvalidCredentials());
        }

        @Test
        void consecutive_failures_are_counted() {
            var failure = new LoginFailed(ACCOUNT, ALICE, LoginFailure.WRONG_PASSWORD, at);
            spec.given(REGISTERED, ISSUED, VERIFIED, failure, failure)
                    .when(new LogIn(WRONG, SESSION, at.plusSeconds(1)))
                    .thenStateSatisfies(state -> assertThat(registered(state).consecutiveFailures()).isEqualTo(3));
        }

        @Test
        void a_successful_login_resets_the_failure_count() {
            var failure = new LoginFailed(ACCOUNT, ALICE, LoginFailure.WRONG_PASSWORD, at);
            spec.given(REGISTERED, ISSUED, VERIFIED, failure, failure, failure)
                    .when(new LogIn(matching(HASH), SESSION, at.plusSeconds(1)))
                    .then(new LoginSucceeded(ACCOUNT, ALICE, SESSION, at.plusSeconds(1)))
                    .thenStateSatisfies(state -> {
                        assertThat(registered(state).consecutiveFailures()).isZero();
                        assertThat(registered(state).lastLogin()).contains(at.plusSeconds(1));
                    });
        }

        @Test
        void a_failure_for_the_missing_verification_does_not_count_as_a_wrong_password() {
            var unverified = new LoginFailed(ACCOUNT, ALICE, LoginFailure.EMAIL_NOT_VERIFIED, at);
            spec.given(REGISTERED, unverified, unverified)
                    .thenStateSatisfies(state -> assertThat(registered(state).consecutiveFailures()).isZero());
        }
    }

    @Nested
    class RolesAndLoggingOut {
        @Test
        void a_role_is_granted() {
            spec.given(REGISTERED, VERIFIED)
                    .when(new GrantRole(Role.MODERATOR, T0))
                    .then(new RoleGranted(ACCOUNT, Role.MODERATOR, T0))
                    .thenStateSatisfies(state -> assertThat(registered(state).effectiveRoles())
                            .containsExactlyInAnyOrder(Role.MODERATOR, Role.MEMBER));
        }

        @Test
        void granting_a_role_already_held_changes_nothing() {
            spec.given(REGISTERED, new RoleGranted(ACCOUNT, Role.MODERATOR, T0))
                    .when(new GrantRole(Role.MODERATOR, T0.plusSeconds(1)))
                    .thenNothing();
        }

        @Test
        void no_role_is_granted_to_an_unknown_account() {
            spec.given()
                    .when(new GrantRole(Role.SYSOP, T0))
                    .thenRejectedWith(new UnknownAccount());
        }

        @Test
        void logging_out_is_recorded() {
            spec.given(REGISTERED, VERIFIED, new LoginSucceeded(ACCOUNT, ALICE, SESSION, T0))
                    .when(new LogOut(SESSION, T0.plusSeconds(30)))
                    .then(new LoggedOut(ACCOUNT, SESSION, T0.plusSeconds(30)));
        }

        @Test
        void an_unknown_account_cannot_log_out() {
            spec.given()
                    .when(new LogOut(SESSION, T0))
                    .thenRejectedWith(new UnknownAccount());
        }

        @Test
        void events_before_registration_leave_the_account_unregistered() {
            spec.given(VERIFIED, new RoleGranted(ACCOUNT, Role.SYSOP, T0))
                    .thenState(new Unregistered());
        }
    }

    @Test
    void a_password_hash_never_prints_itself() {
        assertThat(REGISTERED.toString()).doesNotContain(HASH.value()).doesNotContain("alice@example.test");
    }
}
