package dev.scrollback.application.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scrollback.domain.shared.InvalidValue;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The point as typed on a query string or a command line: bounded, and refused with the field it came in. */
class HistoryPointTest {

    @Test
    void an_instant_is_read_in_utc_or_with_an_offset() {
        assertThat(HistoryPoint.atTime("2031-05-01T12:00:00Z").at()).isEqualTo(Instant.parse("2031-05-01T12:00:00Z"));
        assertThat(HistoryPoint.atTime("2031-05-01T14:00:00.5+02:00").at()).isEqualTo(Instant.parse("2031-05-01T12:00:00.5Z"));
    }

    @Test
    void anything_else_as_a_time_is_refused_as_the_field_at() {
        for (var text : new String[] {"", "yesterday", "2031-05-01", "2031-13-01T12:00:00Z", "2031-05-01T12:00:00",
                "1714564800", "2031-05-01T12:00:00Z ", "2".repeat(10_000), "2031-05-01T12:00:00Z\u0000"}) {
            assertThatThrownBy(() -> HistoryPoint.atTime(text)).as(text.length() > 40 ? "a long text" : text)
                    .isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.field()).isEqualTo("at"));
        }
        assertThatThrownBy(() -> HistoryPoint.atTime(null)).isInstanceOf(InvalidValue.class);
    }

    @Test
    void a_position_is_a_whole_number_from_zero() {
        assertThat(HistoryPoint.atPosition("0").position()).isZero();
        assertThat(HistoryPoint.atPosition("123456789012345678").position()).isEqualTo(123456789012345678L);
        for (var text : new String[] {"", "-1", "+1", "1e3", " 1", "1.0", "0x10", "1234567890123456789", "٣"}) {
            assertThatThrownBy(() -> HistoryPoint.atPosition(text)).as(text)
                    .isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.field()).isEqualTo("position"));
        }
        assertThatThrownBy(() -> new HistoryPoint.AtPosition(-1)).isInstanceOf(InvalidValue.class);
    }

    @Test
    void a_time_includes_what_was_recorded_at_or_before_it_and_a_position_what_sits_at_or_before_it() {
        var t = Instant.parse("2031-05-01T12:00:00Z");
        assertThat(new HistoryPoint.AtTime(t).includes(99, t)).isTrue();
        assertThat(new HistoryPoint.AtTime(t).includes(1, t.plusNanos(1))).isFalse();
        assertThat(new HistoryPoint.AtPosition(7).includes(7, t.plusSeconds(999))).isTrue();
        assertThat(new HistoryPoint.AtPosition(7).includes(8, t.minusSeconds(999))).isFalse();
    }
}
