package dev.scrollback.application.accounts;

import static dev.scrollback.application.accounts.AccountsFixture.WEB;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.application.shared.Actor;
import dev.scrollback.application.shared.EventMetadata;
import dev.scrollback.application.shared.ExpectedVersion;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.application.shared.StreamAppend;
import dev.scrollback.domain.accounts.AccountEvent.RoleGranted;
import dev.scrollback.domain.accounts.Role;
import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.SessionId;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuthenticateSessionServiceTest {
    final AccountsFixture bbs = new AccountsFixture();

    @Test
    void an_open_session_is_its_caller_and_counts_as_activity() {
        bbs.member("alice");
        var caller = bbs.logIn("alice");
        bbs.clock.advance(Duration.ofMinutes(10));

        var authenticated = bbs.authenticateSession.authenticate(caller.session(), caller.account());

        assertThat(authenticated).contains(caller);
        assertThat(bbs.activity.lastSeen(caller.session())).contains(bbs.clock.instant());
    }

    @Test
    void roles_are_read_fresh_from_the_log() {
        var account = bbs.member("alice");
        var caller = bbs.logIn("alice");
        bbs.log.append(new StreamAppend(AccountStreams.account(account), ExpectedVersion.any(),
                        List.of(new RoleGranted(account, Role.MODERATOR, bbs.clock.instant()))),
                EventMetadata.of(Actor.system(), Origin.system(), bbs.clock.instant()));

        var authenticated = bbs.authenticateSession.authenticate(caller.session(), caller.account()).orElseThrow();

        assertThat(authenticated.roles()).containsExactlyInAnyOrder(Role.MODERATOR, Role.MEMBER);
    }

    @Test
    void an_ended_session_is_nobody() {
        bbs.member("alice");
        var caller = bbs.logIn("alice");
        bbs.logOut.logOut(caller, WEB);

        assertThat(bbs.authenticateSession.authenticate(caller.session(), caller.account())).isEmpty();
    }

    @Test
    void someone_else_s_session_is_nobody() {
        bbs.member("alice");
        var bob = bbs.member("bob");
        var alice = bbs.logIn("alice");
        var loggedInAt = bbs.clock.instant();
        bbs.clock.advance(Duration.ofMinutes(10));

        assertThat(bbs.authenticateSession.authenticate(alice.session(), bob)).isEmpty();
        assertThat(bbs.activity.lastSeen(alice.session())).contains(loggedInAt);           // not touched by the impostor
    }

    @Test
    void an_unknown_session_is_nobody() {
        var account = bbs.member("alice");
        assertThat(bbs.authenticateSession.authenticate(new SessionId(UUID.randomUUID()), account)).isEmpty();
        assertThat(bbs.authenticateSession.authenticate(new SessionId(UUID.randomUUID()), new AccountId(UUID.randomUUID())))
                .isEmpty();
    }
}
