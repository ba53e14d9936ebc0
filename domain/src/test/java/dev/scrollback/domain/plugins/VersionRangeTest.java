package dev.scrollback.domain.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scrollback.domain.shared.InvalidValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VersionRangeTest {

    static boolean holds(String range, String version) {
        return VersionRange.parse(range).contains(PluginVersion.parse(version));
    }

    @Test
    void comparators_must_all_hold() {
        assertThat(holds(">=0.1.0, <0.2.0", "0.1.0")).isTrue();
        assertThat(holds(">=0.1.0, <0.2.0", "0.1.9")).isTrue();
        assertThat(holds(">=0.1.0, <0.2.0", "0.2.0")).isFalse();
        assertThat(holds(">=0.1.0, <0.2.0", "0.0.9")).isFalse();
        assertThat(holds(">0.1.0", "0.1.0")).isFalse();
        assertThat(holds("<=0.1.0", "0.1.0")).isTrue();
        assertThat(holds("=1.2.3", "1.2.3")).isTrue();
        assertThat(holds("=1.2.3", "1.2.4")).isFalse();
        assertThat(holds("=1.2.3", "1.2.3+any.build")).as("build metadata is ignored").isTrue();
        assertThat(holds("*", "0.0.0")).isTrue();
        assertThat(holds(" * ", "99.0.0-x")).isTrue();
    }

    @Test
    void caret_keeps_the_major_or_for_zero_majors_the_minor() {
        assertThat(holds("^1.2.3", "1.2.3")).isTrue();
        assertThat(holds("^1.2.3", "1.9.0")).isTrue();
        assertThat(holds("^1.2.3", "1.2.2")).isFalse();
        assertThat(holds("^1.2.3", "2.0.0")).isFalse();
        assertThat(holds("^1.2.3", "2.0.0-alpha")).as("not even a prerelease of the next major").isFalse();
        assertThat(holds("^0.1.0", "0.1.7")).isTrue();
        assertThat(holds("^0.1.0", "0.2.0")).isFalse();
        assertThat(holds("^0.0.3", "0.0.9")).isTrue();
        assertThat(holds("^0.0.3", "0.1.0")).isFalse();
        assertThat(holds("^9223372036854775807.0.0", "9223372036854775807.5.0")).as("no next major to stop at").isTrue();
    }

    @Test
    void tilde_keeps_the_minor() {
        assertThat(holds("~1.2.0", "1.2.9")).isTrue();
        assertThat(holds("~1.2.0", "1.3.0")).isFalse();
        assertThat(holds("~1.2.3", "1.2.2")).isFalse();
        assertThat(holds("~0.3.1", "0.3.5")).isTrue();
    }

    @Test
    void prereleases_are_placed_by_precedence() {
        assertThat(holds("<2.0.0", "2.0.0-rc.1")).isTrue();
        assertThat(holds(">=1.0.0", "1.0.0-rc.1")).isFalse();
        assertThat(holds(">=1.0.0-rc.1, <1.0.0", "1.0.0-rc.2")).isTrue();
    }

    @Test
    void the_canonical_form_reads_back_to_an_equal_range() {
        var range = VersionRange.parse("  >= 0.1.0 ,<0.2.0,^0.1.3");
        assertThat(range.toString()).isEqualTo(">=0.1.0, <0.2.0, ^0.1.3");
        assertThat(VersionRange.parse(range.toString())).isEqualTo(range).hasSameHashCodeAs(range);
        assertThat(VersionRange.parse("*")).isEqualTo(VersionRange.any());
        assertThat(VersionRange.any().toString()).isEqualTo("*");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", ",", ">=1.0.0,", ",<1.0.0", ">=1.0.0,,<2.0.0", "1.0.0", "v1.0.0", "=>1.0.0", ">>1.0.0",
            ">=1.0", "^1", "~1.2", "*, >=1.0.0", ">=1.0.0 <2.0.0", ">=1.0.0 || <0.5.0", "1.x", ">=01.0.0", ">=1.0.0-01",
            "≥1.0.0", ">=１.0.0", ">=99999999999999999999.0.0", "latest", ">=1.0.0\n<2.0.0", ">=2.0.0, <1.0.0", ">1.0.0, <1.0.0",
            ">1.0.0, <=1.0.0", "=1.0.0, =1.0.1"})
    void anything_else_is_refused_with_a_reason(String raw) {
        assertThatThrownBy(() -> VersionRange.parse(raw)).isInstanceOf(InvalidValue.class)
                .satisfies(e -> assertThat(((InvalidValue) e).field()).isEqualTo("requires"));
    }

    @Test
    void the_reasons_say_what_is_wrong_without_echoing_control_characters() {
        assertThatThrownBy(() -> VersionRange.parse("1.0.0")).hasMessageContaining("needs an operator");
        assertThatThrownBy(() -> VersionRange.parse(">=1.0")).hasMessageContaining("'>=1.0'").hasMessageContaining("major.minor.patch");
        assertThatThrownBy(() -> VersionRange.parse(">=2.0.0, <1.0.0")).hasMessageContaining("holds for no version");
        assertThatThrownBy(() -> VersionRange.parse("\u001b[2J1.0.0")).hasMessageContaining("?[2J1.0.0")
                .hasMessageNotContaining("\u001b");
        assertThatThrownBy(() -> VersionRange.parse(">=1.0.0, ".repeat(30))).hasMessageContaining("at most 200");
        assertThatThrownBy(() -> VersionRange.parse("*".repeat(10_000_000))).hasMessageContaining("at most 200");
        assertThatThrownBy(() -> VersionRange.parse(null)).isInstanceOf(InvalidValue.class);
        assertThat(VersionRange.parse(">=1.0.0, <2.0.0").contains(PluginVersion.parse("1.5.0"))).isTrue();
        assertThat(VersionRange.parse(">=1.0.0, <=1.0.0").contains(PluginVersion.parse("1.0.0"))).as("a single version").isTrue();
    }
}
