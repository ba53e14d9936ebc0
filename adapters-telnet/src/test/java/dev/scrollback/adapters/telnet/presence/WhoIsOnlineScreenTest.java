package dev.scrollback.adapters.telnet.presence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.application.shared.Activity;
import dev.scrollback.application.presence.Online;
import dev.scrollback.application.shared.UuidV7;
import dev.scrollback.domain.shared.Channel;
import dev.scrollback.domain.shared.Handle;
import dev.scrollback.domain.shared.SessionId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WhoIsOnlineScreenTest {
    static final Instant NOW = Instant.parse("2025-03-01T20:00:00Z");
    final WhoIsOnlineScreen screen = new WhoIsOnlineScreen(viewer -> List.of(), Clock.fixed(NOW, ZoneOffset.UTC));

    static Online online(String handle, Channel channel, Duration ago) {
        return new Online(new SessionId(UuidV7.next()), new Handle(handle), channel, NOW.minus(ago));
    }

    @Test
    void every_line_fits_the_window_whatever_its_width() {
        var online = List.of(online("abcdefghijklmnopqrstuvwx", Channel.TELNET, Duration.ofHours(30)),
                online("bo", Channel.WEB, Duration.ofSeconds(5)));
        for (int columns : new int[] {1, 20, 25, 33, 40, 80, 200}) {
            assertThat(screen.render(online, columns)).as("%d columns", columns)
                    .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(Math.max(columns, 20) - 1));
        }
        assertThat(screen.render(online, 80)).anySatisfy(line -> assertThat(line)
                .startsWith("abcdefghijklmnopqrstuvwx").contains("telnet", "1d06h"));
    }

    @Test
    void a_wide_window_shows_idle_time_and_what_each_caller_is_doing_a_narrow_one_keeps_the_handles() {
        var reading = new Online(new SessionId(UuidV7.next()), new Handle("alice"), Channel.TELNET, NOW.minusSeconds(600),
                Optional.of(Activity.readingBoard("General / Chat")), Optional.of(Duration.ofMinutes(4)));
        var unknown = online("bob", Channel.WEB, Duration.ofMinutes(1));

        var wide = screen.render(List.of(reading, unknown), 80);
        assertThat(wide).contains("Handle  Via     On for  Idle   Doing");
        assertThat(wide).anySatisfy(line -> assertThat(line).startsWith("alice").contains("10m", "4m", "reading General / Chat"));
        assertThat(wide).anySatisfy(line -> assertThat(line).startsWith("bob").contains("?"));

        var narrow = screen.render(List.of(reading), 30);
        assertThat(narrow).noneMatch(line -> line.contains("reading")).anySatisfy(line -> assertThat(line).startsWith("alice"));
        assertThat(WhoIsOnlineScreen.idle(Duration.ofSeconds(30))).isEqualTo("-");
        assertThat(WhoIsOnlineScreen.idle(Duration.ofHours(5))).isEqualTo("5h");
    }

    @Test
    void time_online_reads_at_a_glance() {
        assertThat(WhoIsOnlineScreen.onFor(Duration.ofSeconds(59))).isEqualTo("<1m");
        assertThat(WhoIsOnlineScreen.onFor(Duration.ofMinutes(59))).isEqualTo("59m");
        assertThat(WhoIsOnlineScreen.onFor(Duration.ofMinutes(61))).isEqualTo("1h01m");
        assertThat(WhoIsOnlineScreen.onFor(Duration.ofDays(2000))).isEqualTo(">999d");
        assertThat(WhoIsOnlineScreen.onFor(Duration.ofMinutes(-5))).isEqualTo("<1m");
    }
}
