package dev.scrollback.application.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ControlledClockTest {

    @Test
    void it_stands_still_until_moved() {
        var clock = ControlledClock.at("2025-03-01T20:00:00Z");
        assertThat(clock.instant()).isEqualTo(Instant.parse("2025-03-01T20:00:00Z"));
        assertThat(clock.instant()).isEqualTo(clock.instant());
        assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);

        assertThat(clock.advance(Duration.ofHours(24))).isEqualTo(Instant.parse("2025-03-02T20:00:00Z"));
        assertThat(clock.millis()).isEqualTo(Instant.parse("2025-03-02T20:00:00Z").toEpochMilli());

        clock.set(Instant.EPOCH);
        assertThat(clock.instant()).isEqualTo(Instant.EPOCH);
    }

    @Test
    void a_zoned_view_shares_the_time() {
        var clock = ControlledClock.at("2025-03-01T20:00:00Z");
        var paris = clock.withZone(ZoneId.of("Europe/Paris"));
        clock.advance(Duration.ofMinutes(1));
        assertThat(paris.instant()).isEqualTo(clock.instant());
        assertThat(paris.getZone()).isEqualTo(ZoneId.of("Europe/Paris"));
    }
}
