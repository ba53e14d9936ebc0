package dev.scrollback.application.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProjectionSnapshotTest {
    @Test
    void equal_lines_in_any_order_are_equal_snapshots_with_one_digest() {
        var a = ProjectionSnapshot.builder().put("b", 2).put("a", "one").build();
        var b = ProjectionSnapshot.builder().put("a", "one").put("b", 2).build();
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a.digest()).isEqualTo(b.digest()).hasSize(64);
        assertThat(a.firstDifference(b)).isEmpty();
        assertThat(a.size()).isEqualTo(2);
    }

    @Test
    void the_first_difference_in_key_order_is_named_with_both_sides() {
        var live = ProjectionSnapshot.builder().put("a", 1).put("b", "old").put("d", 4).build();
        var rebuilt = ProjectionSnapshot.builder().put("a", 1).put("b", "new").put("c", 3).build();
        assertThat(live.firstDifference(rebuilt)).contains("b: old against new");
        assertThat(live.digest()).isNotEqualTo(rebuilt.digest());

        var fewer = ProjectionSnapshot.builder().put("a", 1).build();
        assertThat(live.firstDifference(fewer)).contains("b: only in the first, old");
        assertThat(fewer.firstDifference(live)).contains("b: only in the second, old");
    }

    @Test
    void a_long_value_is_cut_in_the_difference_and_a_key_twice_is_a_defect() {
        var long1 = "x".repeat(1_000);
        var a = ProjectionSnapshot.builder().put("k", long1).build();
        var b = ProjectionSnapshot.builder().put("k", long1 + "y").build();
        assertThat(a.firstDifference(b).orElseThrow()).hasSizeLessThan(500).contains("…");
        assertThatThrownBy(() -> ProjectionSnapshot.builder().put("k", 1).put("k", 2))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("k twice");
    }

    @Test
    void keys_and_values_are_kept_apart_in_the_digest() {
        var one = ProjectionSnapshot.builder().put("a\tb", "c").build();
        var other = ProjectionSnapshot.builder().put("a", "b\tc").build();
        assertThat(one.digest()).as("tab inside a key").isNotEqualTo(other.digest());
    }
}
