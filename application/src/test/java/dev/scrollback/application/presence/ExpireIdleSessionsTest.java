package dev.scrollback.application.presence;

import dev.scrollback.application.shared.Presence;
import dev.scrollback.application.shared.Activity;
import static dev.scrollback.application.presence.PresenceFixture.T0;
import static dev.scrollback.application.presence.PresenceFixture.started;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.application.sessions.EndSession;
import dev.scrollback.application.sessions.SessionActivity;
import dev.scrollback.application.shared.ControlledClock;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.domain.sessions.EndReason;
import dev.scrollback.domain.shared.Channel;
import dev.scrollback.domain.shared.SessionId;
import java.time.Duration;
import java.util.Optional;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class ExpireIdleSessionsTest {
    static final Duration LIMIT = Duration.ofMinutes(30);

    record Ending(SessionId session, EndReason reason, Origin origin) {}

    final ControlledClock clock = new ControlledClock(T0);
    final OnlineCallers online = new OnlineCallers();
    final SessionActivity activity = new SessionActivity(clock);
    final List<Ending> endings = new CopyOnWriteArrayList<>();
    final EndSession endSession = (session, reason, origin) -> {
        endings.add(new Ending(session, reason, origin));
        activity.forget(session);
    };
    final ExpireIdleSessions expireIdleSessions = new ExpireIdleSessions(online, activity, endSession, clock, LIMIT);

    @Test
    void a_web_session_unused_for_the_idle_limit_ends_as_idle() {
        var alice = started("alice", Channel.WEB, clock.instant());
        online.apply(alice);
        activity.touch(alice.session());

        clock.advance(LIMIT.minusSeconds(1));
        assertThat(expireIdleSessions.run()).isZero();

        clock.advance(Duration.ofSeconds(1));                       // exactly at the limit
        assertThat(expireIdleSessions.run()).isEqualTo(1);
        assertThat(endings).containsExactly(new Ending(alice.session(), EndReason.IDLE, Origin.system()));
    }

    @Test
    void a_web_session_in_use_on_another_instance_is_not_idle_here() {
        var board = new InMemoryPresenceBoard();
        var here = new ExpireIdleSessions(online, activity, endSession, clock, LIMIT, Optional.of(board.instance("here")));
        var alice = started("alice", Channel.WEB, clock.instant());
        online.apply(alice);
        activity.touch(alice.session());                            // her first request landed here

        clock.advance(Duration.ofMinutes(25));
        board.instance("there").publish(List.of(new Presence(alice.session(), clock.instant(), Activity.WEB)));
        clock.advance(Duration.ofMinutes(25));                      // 50 minutes since here, 25 since there

        assertThat(here.run()).isZero();
        clock.advance(Duration.ofMinutes(5));
        assertThat(here.run()).isEqualTo(1);
    }

    @Test
    void activity_keeps_a_web_session_alive() {
        var alice = started("alice", Channel.WEB, clock.instant());
        online.apply(alice);
        activity.touch(alice.session());

        clock.advance(Duration.ofMinutes(20));
        activity.touch(alice.session());
        clock.advance(Duration.ofMinutes(20));

        assertThat(expireIdleSessions.run()).isZero();
        clock.advance(Duration.ofMinutes(10));
        assertThat(expireIdleSessions.run()).isEqualTo(1);
    }

    @Test
    void a_session_never_touched_on_this_instance_counts_from_its_start() {
        var alice = started("alice", Channel.WEB, clock.instant().minus(LIMIT));
        var bob = started("bob", Channel.WEB, clock.instant().minus(LIMIT).plusSeconds(1));
        online.apply(alice);
        online.apply(bob);

        assertThat(expireIdleSessions.run()).isEqualTo(1);
        assertThat(endings).extracting(Ending::session).containsExactly(alice.session());
    }

    @Test
    void telnet_sessions_are_left_to_their_connection() {
        var alice = started("alice", Channel.TELNET, clock.instant());
        online.apply(alice);
        clock.advance(Duration.ofDays(2));

        assertThat(expireIdleSessions.run()).isZero();
        assertThat(endings).isEmpty();
    }
}
