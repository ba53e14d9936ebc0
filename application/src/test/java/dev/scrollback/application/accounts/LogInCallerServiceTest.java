package dev.scrollback.application.accounts;

import static dev.scrollback.application.accounts.AccountsFixture.ADDRESS;
import static dev.scrollback.application.accounts.AccountsFixture.PASSWORD;
import static dev.scrollback.application.accounts.AccountsFixture.WEB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.scrollback.application.sessions.SessionStreams;
import dev.scrollback.application.shared.Actor;
import dev.scrollback.application.shared.EventMetadata;
import dev.scrollback.application.shared.ExpectedVersion;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.application.shared.RecordedEvent;
import dev.scrollback.application.shared.StreamAppend;
import dev.scrollback.domain.accounts.AccountEvent.LoginFailed;
import dev.scrollback.domain.accounts.AccountEvent.LoginFailure;
import dev.scrollback.domain.accounts.AccountEvent.LoginSucceeded;
import dev.scrollback.domain.accounts.AccountEvent.RoleGranted;
import dev.scrollback.domain.accounts.AccountRejected;
import dev.scrollback.domain.accounts.AccountRejected.EmailNotVerified;
import dev.scrollback.domain.accounts.AccountRejected.InvalidCredentials;
import dev.scrollback.domain.accounts.Role;
import dev.scrollback.domain.accounts.Secret;
import dev.scrollback.domain.accounts.UnknownHandleEvent.UnknownHandleLoginFailed;
import dev.scrollback.domain.sessions.SessionEvent.SessionStarted;
import dev.scrollback.domain.sessions.Terminal;
import dev.scrollback.domain.shared.Channel;
import dev.scrollback.domain.shared.Handle;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LogInCallerServiceTest {
    final AccountsFixture bbs = new AccountsFixture();
    final Handle alice = new Handle("alice");

    AccountRejected.Reason refusal(String handle, String password) {
        var rejected = catchThrowableOfType(AccountRejected.class, () -> bbs.logIn(handle, password, WEB));
        assertThat(rejected).as("login of %s should be refused", handle).isNotNull();
        return rejected.reason();
    }

    @Test
    void the_right_password_logs_in_and_opens_a_session_in_one_append() {
        var account = bbs.member("alice");
        bbs.clock.advance(Duration.ofMinutes(5));
        long before = bbs.log.lastPosition();

        var caller = bbs.logIn("alice");

        assertThat(caller.account()).isEqualTo(account);
        assertThat(caller.handle()).isEqualTo(alice);
        assertThat(caller.roles()).containsExactly(Role.MEMBER);
        var at = bbs.clock.instant();
        var written = bbs.since(before);
        assertThat(written).extracting(RecordedEvent::event).containsExactly(
                new LoginSucceeded(account, alice, caller.session(), at),
                new SessionStarted(caller.session(), account, alice, Channel.WEB, Optional.of(ADDRESS), Optional.empty(), at));
        assertThat(written).extracting(RecordedEvent::stream)
                .containsExactly(AccountStreams.account(account), SessionStreams.session(caller.session()));
        assertThat(written).extracting(RecordedEvent::metadata).containsOnly(written.getFirst().metadata());
        var metadata = written.getFirst().metadata();
        assertThat(metadata.actor()).isEqualTo(Actor.user(account, alice));
        assertThat(metadata.origin()).isEqualTo(WEB.inSession(caller.session()));
        assertThat(bbs.activity.lastSeen(caller.session())).contains(at);
    }

    @Test
    void a_web_login_gets_a_fresh_session_every_time() {
        bbs.member("alice");
        var first = bbs.logIn("alice");
        var second = bbs.logIn("alice");
        assertThat(first.session()).isNotEqualTo(second.session());
        assertThat(first.session().value().version()).isEqualTo(7);
    }

    @Test
    void a_telnet_login_turns_the_connection_id_into_the_session_id() {
        var account = bbs.member("alice");
        var connection = AccountsFixture.telnetConnection();

        var caller = bbs.logInOnTelnet("alice", connection);

        assertThat(caller.session()).isEqualTo(connection.session().orElseThrow());
        var started = (SessionStarted) bbs.log.events(SessionStreams.session(caller.session())).getFirst();
        assertThat(started.account()).isEqualTo(account);
        assertThat(started.channel()).isEqualTo(Channel.TELNET);
        assertThat(started.terminal()).contains(new Terminal("ANSI", 80, 25));
        assertThat(bbs.log.recorded().getLast().metadata().origin()).isEqualTo(connection);
    }

    @Test
    void any_spelling_of_the_handle_logs_in() {
        bbs.member("alice");
        assertThat(bbs.logIn("ＡＬＩＣＥ", PASSWORD, WEB).handle()).isEqualTo(alice);
    }

    @Test
    void a_wrong_password_is_recorded_and_refused_as_invalid_credentials() {
        var account = bbs.member("alice");
        long before = bbs.log.lastPosition();

        assertThat(refusal("alice", "not the password at all")).isEqualTo(new InvalidCredentials());

        var written = bbs.since(before);
        assertThat(written).extracting(RecordedEvent::event)
                .containsExactly(new LoginFailed(account, alice, LoginFailure.WRONG_PASSWORD, bbs.clock.instant()));
        assertThat(written.getFirst().metadata().actor()).isEqualTo(Actor.anonymous());
    }

    @Test
    void an_unknown_handle_is_invalid_credentials_recorded_on_the_days_stream_and_still_checks_a_password() {
        int checks = bbs.hasher.checks();
        assertThat(refusal("nobody", PASSWORD)).isEqualTo(new InvalidCredentials());
        assertThat(bbs.hasher.checks()).isEqualTo(checks + 1);     // as slow as a known handle

        var written = bbs.log.recorded();
        assertThat(written).extracting(RecordedEvent::event)
                .containsExactly(new UnknownHandleLoginFailed(new Handle("nobody"), false, bbs.clock.instant()));
        assertThat(written.getFirst().stream()).isEqualTo(AccountStreams.loginFailures(bbs.clock.instant()));
        assertThat(written.getFirst().stream().value()).startsWith("loginfailures-");
        assertThat(written.getFirst().metadata().actor()).isEqualTo(Actor.anonymous());
        assertThat(written.getFirst().metadata().origin()).isEqualTo(WEB);
    }

    @Test
    void an_unverified_caller_with_the_right_password_is_told_to_verify() {
        var account = bbs.register("alice").account();
        long before = bbs.log.lastPosition();

        assertThat(refusal("alice", PASSWORD)).isEqualTo(new EmailNotVerified(alice));

        assertThat(bbs.since(before)).extracting(RecordedEvent::event)
                .containsExactly(new LoginFailed(account, alice, LoginFailure.EMAIL_NOT_VERIFIED, bbs.clock.instant()));
    }

    @Test
    void an_unverified_caller_with_a_wrong_password_learns_nothing_about_verification() {
        bbs.register("alice");
        assertThat(refusal("alice", "not the password at all")).isEqualTo(new InvalidCredentials());
    }

    @Test
    void a_sysop_logs_in_with_the_sysop_role() {
        bbs.createSysop.create(new CreateSysop.Command(new Handle("sysop"), Optional.empty(), new Secret(PASSWORD), Origin.cli()));
        assertThat(bbs.logIn("sysop").roles()).containsExactlyInAnyOrder(Role.SYSOP, Role.MEMBER);
    }

    @Test
    void a_login_racing_another_write_on_the_account_tries_again() {
        var account = bbs.member("alice");
        var racer = new RoleGranted(account, Role.MODERATOR, bbs.clock.instant());
        bbs.log.beforeNextAppend(() -> bbs.log.append(new StreamAppend(AccountStreams.account(account),
                ExpectedVersion.any(), List.of(racer)), EventMetadata.of(Actor.system(), Origin.system(), bbs.clock.instant())));

        int checksBefore = bbs.hasher.checks();
        var caller = bbs.logIn("alice");

        assertThat(caller.roles()).containsExactlyInAnyOrder(Role.MODERATOR, Role.MEMBER);
        assertThat(bbs.log.events(SessionStreams.session(caller.session()))).hasSize(1);
        assertThat(bbs.hasher.checks() - checksBefore).as("the retry does not hash the password again").isEqualTo(1);
    }
}
