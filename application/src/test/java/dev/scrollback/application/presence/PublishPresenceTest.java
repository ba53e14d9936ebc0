package dev.scrollback.application.presence;

import dev.scrollback.application.shared.Presence;
import dev.scrollback.application.shared.Activity;
import static dev.scrollback.application.presence.PresenceFixture.T0;
import static dev.scrollback.application.presence.PresenceFixture.ended;
import static dev.scrollback.application.presence.PresenceFixture.started;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.application.sessions.SessionActivity;
import dev.scrollback.application.shared.ControlledClock;
import dev.scrollback.domain.shared.Channel;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PublishPresenceTest {
    final ControlledClock clock = new ControlledClock(T0);
    final OnlineCallers online = new OnlineCallers();
    final SessionActivity activity = new SessionActivity(clock);
    final InMemoryPresenceBoard board = new InMemoryPresenceBoard();
    final PublishPresence publish = new PublishPresence(activity, online, board.instance("here"), clock);

    @Test
    void publishes_what_the_callers_of_this_instance_are_doing() {
        var alice = started("alice", Channel.TELNET, T0);
        var bob = started("bob", Channel.WEB, T0);
        online.apply(alice);
        online.apply(bob);
        activity.doing(alice.session(), Activity.readingBoard("General / Chat"));
        activity.touch(bob.session());

        assertThat(publish.run()).isEqualTo(2);

        assertThat(board.publishedBy("here")).containsExactlyInAnyOrder(
                new Presence(alice.session(), T0, new Activity("reading General / Chat")),
                new Presence(bob.session(), T0, Activity.WEB));
    }

    @Test
    void a_login_the_projection_has_not_applied_yet_is_published_a_session_ended_elsewhere_long_ago_is_not() {
        var justNow = started("alice", Channel.WEB, T0);
        activity.touch(justNow.session());                         // logged in here; SessionStarted not applied yet
        var endedElsewhere = started("bob", Channel.WEB, T0);
        online.apply(endedElsewhere);
        activity.touch(endedElsewhere.session());                  // used here once, then logged out on another instance
        online.apply(ended(endedElsewhere, T0.plusSeconds(1)));

        assertThat(publish.run()).isEqualTo(2);
        clock.advance(PublishPresence.JUST_STARTED.plus(Duration.ofSeconds(1)));
        online.apply(justNow);
        assertThat(publish.run()).isEqualTo(1);
        assertThat(board.publishedBy("here")).extracting(Presence::session).containsExactly(justNow.session());
    }
}
