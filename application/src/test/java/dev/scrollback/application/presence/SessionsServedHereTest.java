package dev.scrollback.application.presence;

import dev.scrollback.application.shared.Presence;
import dev.scrollback.application.shared.Activity;
import static dev.scrollback.application.presence.PresenceFixture.T0;
import static dev.scrollback.application.presence.PresenceFixture.started;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.application.sessions.SessionActivity;
import dev.scrollback.application.shared.ControlledClock;
import dev.scrollback.domain.shared.Channel;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which sessions an instance ends when it stops gracefully. */
class SessionsServedHereTest {
    final ControlledClock clock = new ControlledClock(T0);
    final OnlineCallers online = new OnlineCallers();
    final SessionActivity activity = new SessionActivity(clock);

    @Test
    void alone_every_open_session_is_served_here() {
        var alice = started("alice", Channel.TELNET, T0);
        var bob = started("bob", Channel.WEB, T0.plusSeconds(1));
        online.apply(alice);
        online.apply(bob);

        assertThat(new SessionsServedHere(online).now()).containsExactly(alice.session(), bob.session());
    }

    @Test
    void among_others_only_sessions_used_here_and_served_by_no_other_live_instance() {
        var board = new InMemoryPresenceBoard();
        var here = board.instance("here");
        var there = board.instance("there");
        var telnetHere = started("alice", Channel.TELNET, T0);
        var webBoth = started("bob", Channel.WEB, T0.plusSeconds(1));
        var telnetThere = started("carol", Channel.TELNET, T0.plusSeconds(2));
        List.of(telnetHere, webBoth, telnetThere).forEach(online::apply);
        activity.doing(telnetHere.session(), Activity.MAIN_MENU);
        activity.touch(webBoth.session());
        there.publish(List.of(new Presence(webBoth.session(), T0, Activity.WEB), new Presence(telnetThere.session(), T0, Activity.MAIL)));

        assertThat(new SessionsServedHere(online, activity, here).now()).containsExactly(telnetHere.session());
    }
}
