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

class EndLostSessionsTest {
    record Ending(SessionId session, EndReason reason, Origin origin) {}

    final OnlineCallers online = new OnlineCallers();
    final InMemoryPresenceBoard board = new InMemoryPresenceBoard();
    final List<Ending> endings = new CopyOnWriteArrayList<>();
    final EndSession endSession = (session, reason, origin) -> {
        endings.add(new Ending(session, reason, origin));
        online.apply(ended(startedOf(session), T0.plusSeconds(60)));
    };
    final List<dev.scrollback.domain.sessions.SessionEvent.SessionStarted> starts = new CopyOnWriteArrayList<>();

    dev.scrollback.domain.sessions.SessionEvent.SessionStarted startedOf(SessionId session) {
        return starts.stream().filter(s -> s.session().equals(session)).findFirst().orElseThrow();
    }

    dev.scrollback.domain.sessions.SessionEvent.SessionStarted open(String handle, Channel channel, int second) {
        var started = started(handle, channel, T0.plusSeconds(second));
        starts.add(started);
        online.apply(started);
        return started;
    }

    @Test
    void the_sessions_of_a_dead_instance_end_with_reason_instance_lost_oldest_first_and_no_other() {
        var a = board.instance("a");
        var b = board.instance("b");
        var alice = open("alice", Channel.TELNET, 1);
        var bob = open("bob", Channel.WEB, 2);
        var carol = open("carol", Channel.TELNET, 3);
        a.publish(List.of(new Presence(carol.session(), T0, Activity.MAIN_MENU), new Presence(alice.session(), T0, Activity.MAIL)));
        b.publish(List.of(new Presence(bob.session(), T0, Activity.WEB)));
        var survivor = new EndLostSessions(online, b, endSession);

        assertThat(survivor.run()).as("a is alive").isZero();
        board.die("a");
        assertThat(survivor.run()).isEqualTo(2);

        assertThat(endings).containsExactly(new Ending(alice.session(), EndReason.INSTANCE_LOST, Origin.system()),
                new Ending(carol.session(), EndReason.INSTANCE_LOST, Origin.system()));
        assertThat(online.openSessions()).containsExactly(bob);
        assertThat(survivor.run()).as("once ended, they are not open any more").isZero();
    }

    @Test
    void nothing_is_asked_when_nobody_is_online() {
        var asked = new java.util.concurrent.atomic.AtomicBoolean();
        var presence = new SharedPresence() {
            @Override
            public void publish(java.util.Collection<Presence> local) {}

            @Override
            public java.util.Map<SessionId, Presence> others() {
                return java.util.Map.of();
            }

            @Override
            public java.util.Set<SessionId> lost(java.util.Collection<SessionId> open) {
                asked.set(true);
                return java.util.Set.of();
            }
        };
        assertThat(new EndLostSessions(online, presence, endSession).run()).isZero();
        assertThat(asked).isFalse();
    }
}
