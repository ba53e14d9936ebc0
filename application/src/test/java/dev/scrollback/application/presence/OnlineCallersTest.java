package dev.scrollback.application.presence;

import static dev.scrollback.application.presence.PresenceFixture.T0;
import static dev.scrollback.application.presence.PresenceFixture.ended;
import static dev.scrollback.application.presence.PresenceFixture.started;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.application.accounts.Caller;
import dev.scrollback.domain.shared.Channel;
import dev.scrollback.domain.shared.Handle;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OnlineCallersTest {
    final OnlineCallers online = new OnlineCallers();

    Caller viewer() {
        var any = started("viewer", Channel.WEB, T0);
        return new Caller(any.account(), any.handle(), any.session(), Set.of());
    }

    @Test
    void nobody_is_online_at_first() {
        assertThat(online.whoIsOnline(viewer())).isEmpty();
        assertThat(online.openSessions()).isEmpty();
    }

    @Test
    void started_sessions_are_online_oldest_first_and_ended_ones_are_gone() {
        var bob = started("bob", Channel.WEB, T0.plusSeconds(20));
        var alice = started("alice", Channel.TELNET, T0.plusSeconds(10));
        var carol = started("carol", Channel.TELNET, T0.plusSeconds(30));
        online.apply(bob);
        online.apply(alice);
        online.apply(carol);
        online.apply(ended(alice, T0.plusSeconds(40)));

        assertThat(online.whoIsOnline(viewer())).containsExactly(
                new Online(bob.session(), new Handle("bob"), Channel.WEB, bob.at()),
                new Online(carol.session(), new Handle("carol"), Channel.TELNET, carol.at()));
        assertThat(online.openSessions()).containsExactly(bob, carol);
    }

    @Test
    void a_caller_with_two_sessions_is_listed_twice() {
        var web = started("alice", Channel.WEB, T0);
        var telnet = started("alice", Channel.TELNET, T0.plusSeconds(1));
        online.apply(web);
        online.apply(telnet);
        assertThat(online.whoIsOnline(viewer())).extracting(Online::channel).containsExactly(Channel.WEB, Channel.TELNET);
    }

    @Test
    void an_end_without_a_start_and_a_repeated_end_are_harmless() {
        var alice = started("alice", Channel.WEB, T0);
        online.apply(ended(alice, T0.plusSeconds(1)));
        online.apply(alice);
        online.apply(ended(alice, T0.plusSeconds(2)));
        online.apply(ended(alice, T0.plusSeconds(3)));
        assertThat(online.openSessions()).isEmpty();
    }
}
