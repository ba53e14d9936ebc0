package dev.scrollback.application.presence;

import dev.scrollback.application.shared.Presence;
import dev.scrollback.application.shared.Activity;
import static dev.scrollback.application.presence.PresenceFixture.T0;
import static dev.scrollback.application.presence.PresenceFixture.ended;
import static dev.scrollback.application.presence.PresenceFixture.started;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.application.sessions.EndSession;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.domain.sessions.EndReason;
import dev.scrollback.domain.shared.Channel;
import dev.scrollback.domain.shared.SessionId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class EndOrphanedSessionsTest {
    record Ending(SessionId session, EndReason reason, Origin origin) {}

    final OnlineCallers online = new OnlineCallers();
    final List<Ending> endings = new CopyOnWriteArrayList<>();
    final EndSession endSession = (session, reason, origin) -> endings.add(new Ending(session, reason, origin));
    final EndOrphanedSessions endOrphanedSessions = new EndOrphanedSessions(online, endSession);

    @Test
    void every_session_left_open_by_the_last_run_ends_with_reason_restart() {
        var alice = started("alice", Channel.TELNET, T0);
        var bob = started("bob", Channel.WEB, T0.plusSeconds(5));
        var carol = started("carol", Channel.WEB, T0.plusSeconds(6));
        online.apply(alice);
        online.apply(bob);
        online.apply(carol);
        online.apply(ended(bob, T0.plusSeconds(9)));

        assertThat(endOrphanedSessions.run()).isEqualTo(2);

        assertThat(endings).containsExactly(
                new Ending(alice.session(), EndReason.RESTART, Origin.system()),
                new Ending(carol.session(), EndReason.RESTART, Origin.system()));
    }

    @Test
    void among_other_instances_only_the_sessions_of_instances_that_died_end_and_with_reason_instance_lost() {
        var board = new InMemoryPresenceBoard();
        var alive = board.instance("alive");
        var crashed = board.instance("crashed");
        var alice = started("alice", Channel.TELNET, T0);
        var bob = started("bob", Channel.WEB, T0.plusSeconds(5));
        online.apply(alice);
        online.apply(bob);
        alive.publish(List.of(new Presence(alice.session(), T0, Activity.MAIN_MENU)));
        crashed.publish(List.of(new Presence(bob.session(), T0, Activity.WEB)));
        board.die("crashed");
        var starting = new EndOrphanedSessions(online, endSession, board.instance("starting"));

        assertThat(starting.run()).isEqualTo(1);

        assertThat(endings).containsExactly(new Ending(bob.session(), EndReason.INSTANCE_LOST, Origin.system()));
    }

    @Test
    void nothing_to_do_after_a_clean_shutdown() {
        var alice = started("alice", Channel.TELNET, T0);
        online.apply(alice);
        online.apply(ended(alice, T0.plusSeconds(1)));

        assertThat(endOrphanedSessions.run()).isZero();
        assertThat(endings).isEmpty();
    }
}
