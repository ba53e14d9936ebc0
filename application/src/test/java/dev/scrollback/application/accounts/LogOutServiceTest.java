package dev.scrollback.application.accounts;

import static dev.scrollback.application.accounts.AccountsFixture.WEB;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.application.sessions.SessionStreams;
import dev.scrollback.application.shared.RecordedEvent;
import dev.scrollback.domain.accounts.AccountEvent.LoggedOut;
import dev.scrollback.domain.sessions.EndReason;
import dev.scrollback.domain.sessions.SessionEvent.SessionEnded;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LogOutServiceTest {
    final AccountsFixture bbs = new AccountsFixture();

    @Test
    void logging_out_records_the_goodbye_and_ends_the_session_in_one_append() {
        var account = bbs.member("alice");
        var caller = bbs.logIn("alice");
        bbs.clock.advance(Duration.ofMinutes(42));
        long before = bbs.log.lastPosition();

        bbs.logOut.logOut(caller, WEB);

        var at = bbs.clock.instant();
        var written = bbs.since(before);
        assertThat(written).extracting(RecordedEvent::event).containsExactly(
                new LoggedOut(account, caller.session(), at),
                new SessionEnded(caller.session(), EndReason.GOODBYE, Duration.ofMinutes(42), at));
        assertThat(written).extracting(RecordedEvent::stream)
                .containsExactly(AccountStreams.account(account), SessionStreams.session(caller.session()));
        assertThat(written).extracting(RecordedEvent::metadata).containsOnly(written.getFirst().metadata());
        assertThat(written.getFirst().metadata().actor()).isEqualTo(caller.actor());
        assertThat(written.getFirst().metadata().origin().session()).contains(caller.session());
        assertThat(bbs.activity.lastSeen(caller.session())).isEmpty();
    }

    @Test
    void logging_out_twice_changes_nothing() {
        bbs.member("alice");
        var caller = bbs.logIn("alice");
        bbs.logOut.logOut(caller, WEB);
        long after = bbs.log.lastPosition();

        bbs.logOut.logOut(caller, WEB);

        assertThat(bbs.log.lastPosition()).isEqualTo(after);
    }

    @Test
    void logging_out_ends_only_that_session() {
        bbs.member("alice");
        var web = bbs.logIn("alice");
        var telnet = bbs.logInOnTelnet("alice", AccountsFixture.telnetConnection());

        bbs.logOut.logOut(web, WEB);

        assertThat(bbs.authenticateSession.authenticate(web.session(), web.account())).isEmpty();
        assertThat(bbs.authenticateSession.authenticate(telnet.session(), telnet.account())).isPresent();
    }
}
