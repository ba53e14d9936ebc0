package dev.scrollback.application.presence;

import dev.scrollback.application.shared.Presence;
import dev.scrollback.application.shared.Activity;
import static dev.scrollback.application.presence.PresenceFixture.T0;
import static dev.scrollback.application.presence.PresenceFixture.ended;
import static dev.scrollback.application.presence.PresenceFixture.started;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.sessions.SessionActivity;
import dev.scrollback.application.shared.ControlledClock;
import dev.scrollback.domain.shared.Channel;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Who's online with presence: what each caller is doing and how long they have been idle, from this instance. */
class WhoIsOnlineServiceTest {
    final ControlledClock clock = new ControlledClock(T0);
    final OnlineCallers online = new OnlineCallers();
    final SessionActivity activity = new SessionActivity(clock);
    final WhoIsOnline whoIsOnline = new WhoIsOnlineService(online, activity, Optional.empty(), clock);

    @Test
    void each_session_says_what_its_caller_is_doing_and_for_how_long_they_have_been_idle() {
        var alice = started("alice", Channel.TELNET, T0);
        var bob = started("bob", Channel.WEB, T0.plusSeconds(1));
        var carol = started("carol", Channel.TELNET, T0.plusSeconds(2));
        online.apply(alice);
        online.apply(bob);
        online.apply(carol);
        activity.doing(alice.session(), Activity.readingBoard("General / Chat"));
        activity.touch(bob.session());
        clock.set(T0.plus(Duration.ofMinutes(7)));
        activity.touch(alice.session());                           // a key: idle again from now, still reading
        clock.set(T0.plus(Duration.ofMinutes(10)));

        var shown = whoIsOnline.whoIsOnline(viewer(alice));
        assertThat(shown).extracting(o -> o.handle().value()).containsExactly("alice", "bob", "carol");
        assertThat(shown.get(0).doing()).contains(new Activity("reading General / Chat"));
        assertThat(shown.get(0).idle()).contains(Duration.ofMinutes(3));
        assertThat(shown.get(1).doing()).contains(Activity.WEB);
        assertThat(shown.get(1).idle()).contains(Duration.ofMinutes(10));
        assertThat(shown.get(2).doing()).as("no word from carol's session yet").isEmpty();
        assertThat(shown.get(2).idle()).isEmpty();

        activity.forget(alice.session());
        online.apply(ended(alice, T0.plus(Duration.ofMinutes(11))));
        assertThat(whoIsOnline.whoIsOnline(viewer(bob))).extracting(o -> o.handle().value()).containsExactly("bob", "carol");
        assertThat(activity.local()).extracting(Presence::session).containsExactly(bob.session());
    }

    @Test
    void an_activity_is_one_printable_line_cut_to_its_length() {
        assertThat(new Activity("x".repeat(100)).description()).hasSize(Activity.MAX_LENGTH).endsWith("…");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Activity("two\nlines"))
                .hasMessageContaining("one line");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Activity(" ")).hasMessageContaining("required");
    }

    private static Caller viewer(dev.scrollback.domain.sessions.SessionEvent.SessionStarted started) {
        return new Caller(started.account(), started.handle(), started.session(), Set.of());
    }
}
