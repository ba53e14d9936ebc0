package dev.scrollback.application.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ExpectedVersionTest {

    @Test
    void no_stream_is_met_only_by_a_stream_without_events() {
        assertThat(ExpectedVersion.noStream().isMetBy(-1)).isTrue();
        assertThat(ExpectedVersion.noStream().isMetBy(0)).isFalse();
    }

    @Test
    void exactly_is_met_only_by_that_version() {
        var expected = ExpectedVersion.exactly(3);
        assertThat(expected.isMetBy(3)).isTrue();
        assertThat(expected.isMetBy(2)).isFalse();
        assertThat(expected.isMetBy(4)).isFalse();
        assertThat(expected.isMetBy(-1)).isFalse();
    }

    @Test
    void any_is_met_by_everything() {
        assertThat(ExpectedVersion.any().isMetBy(-1)).isTrue();
        assertThat(ExpectedVersion.any().isMetBy(41)).isTrue();
    }

    @Test
    void after_a_read_the_expectation_matches_what_was_read() {
        assertThat(ExpectedVersion.after(-1)).isEqualTo(ExpectedVersion.noStream());
        assertThat(ExpectedVersion.after(0)).isEqualTo(ExpectedVersion.exactly(0));
        assertThat(ExpectedVersion.after(7)).isEqualTo(new ExpectedVersion.Exactly(7));
    }

    @Test
    void a_negative_exact_version_is_a_mistake() {
        assertThatThrownBy(() -> ExpectedVersion.exactly(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
