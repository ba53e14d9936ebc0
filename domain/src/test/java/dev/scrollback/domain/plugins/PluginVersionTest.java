package dev.scrollback.domain.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scrollback.domain.shared.InvalidValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PluginVersionTest {

    @Test
    void reads_the_parts_and_writes_back_what_it_read() {
        var v = PluginVersion.parse("1.22.333-rc.1.x-y+build.007");
        assertThat(v.major()).isEqualTo(1);
        assertThat(v.minor()).isEqualTo(22);
        assertThat(v.patch()).isEqualTo(333);
        assertThat(v.prerelease()).containsExactly("rc", "1", "x-y");
        assertThat(v.build()).contains("build.007");                      // build identifiers may have leading zeros
        assertThat(v.isPrerelease()).isTrue();
        assertThat(v.toString()).isEqualTo("1.22.333-rc.1.x-y+build.007");
        assertThat(PluginVersion.parse("0.0.0").toString()).isEqualTo("0.0.0");
        assertThat(PluginVersion.parse("1.0.0-0A.is.legal").prerelease()).containsExactly("0A", "is", "legal");
        assertThat(PluginVersion.parse("9223372036854775807.0.0").major()).isEqualTo(Long.MAX_VALUE);
        assertThat(PluginVersion.of(1, 2, 3)).isEqualTo(PluginVersion.parse("1.2.3"));
    }

    @Test
    void precedence_follows_the_examples_of_the_semver_spec() {
        var ordered = List.of("1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2",
                "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "2.0.0", "2.1.0", "2.1.1");
        var shuffled = new ArrayList<>(ordered.stream().map(PluginVersion::parse).toList());
        Collections.shuffle(shuffled, new java.util.Random(7));
        Collections.sort(shuffled);
        assertThat(shuffled.stream().map(PluginVersion::toString).toList()).isEqualTo(ordered);
        for (int i = 0; i + 1 < ordered.size(); i++) {
            assertThat(PluginVersion.parse(ordered.get(i))).as(ordered.get(i) + " < " + ordered.get(i + 1))
                    .isLessThan(PluginVersion.parse(ordered.get(i + 1)));
        }
    }

    @Test
    void numbers_compare_as_numbers_however_long_and_rank_below_words() {
        assertThat(PluginVersion.parse("1.10.0")).isGreaterThan(PluginVersion.parse("1.9.0"));
        assertThat(PluginVersion.parse("1.0.0-99999999999999999999999")).isGreaterThan(PluginVersion.parse("1.0.0-9"));
        assertThat(PluginVersion.parse("1.0.0-2")).isLessThan(PluginVersion.parse("1.0.0-10"));
        assertThat(PluginVersion.parse("1.0.0-999")).isLessThan(PluginVersion.parse("1.0.0-a"));
        assertThat(PluginVersion.parse("1.0.0-B")).as("ASCII order: upper case first").isLessThan(PluginVersion.parse("1.0.0-a"));
    }

    @Test
    void build_metadata_is_kept_but_plays_no_part_in_precedence() {
        var a = PluginVersion.parse("1.0.0+a");
        var b = PluginVersion.parse("1.0.0+b");
        assertThat(a.compareTo(b)).isZero();
        assertThat(a).isNotEqualTo(b);
        assertThat(a).isEqualTo(PluginVersion.parse("1.0.0+a")).hasSameHashCodeAs(PluginVersion.parse("1.0.0+a"));
        assertThat(a.compareTo(PluginVersion.parse("1.0.0"))).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "1", "1.2", "1.2.3.4", "v1.2.3", " 1.2.3", "1.2.3 ", "01.2.3", "1.02.3", "1.2.03",
            "1.2.3-01", "1.2.3-", "1.2.3+", "1.2.3-a..b", "1.2.3+a..b", "1.2.3-α", "1.2.3+ü", "-1.2.3", "1.-2.3", "+1.2.3",
            "1.2.x", "1.2.*", "١.٢.٣", "１.２.３", "1.2.3-a_b", "1.2.3-a b", "1.2.3\n", "1.2.3\u0000",
            "99999999999999999999.0.0", "0.0.99999999999999999999", "9223372036854775808.0.0"})
    void anything_else_is_refused_with_a_reason(String raw) {
        assertThatThrownBy(() -> PluginVersion.parse(raw)).isInstanceOf(InvalidValue.class)
                .satisfies(e -> assertThat(((InvalidValue) e).field()).isEqualTo("version"))
                .hasMessageContaining("Semantic Versioning");
    }

    @Test
    void the_reason_says_what_is_wrong_and_huge_input_is_refused_by_its_length() {
        assertThatThrownBy(() -> PluginVersion.parse("1.02.3")).hasMessageContaining("minor has a leading zero");
        assertThatThrownBy(() -> PluginVersion.parse("99999999999999999999.0.0")).hasMessageContaining("major is too large");
        assertThatThrownBy(() -> PluginVersion.parse("1.2")).hasMessageContaining("major.minor.patch");
        assertThatThrownBy(() -> PluginVersion.parse("1.0.0-" + "a".repeat(59))).hasMessageContaining("at most 64");
        assertThatThrownBy(() -> PluginVersion.parse("1".repeat(1_000_000))).hasMessageContaining("at most 64");
        assertThatThrownBy(() -> PluginVersion.parse(null)).isInstanceOf(InvalidValue.class);
        assertThat(PluginVersion.parse("1.0.0-" + "a".repeat(58)).toString()).hasSize(64);
        assertThatThrownBy(() -> PluginVersion.of(-1, 0, 0)).isInstanceOf(InvalidValue.class);
    }
}
