package dev.scrollback.adapters.crypto.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Argon2CostTest {

    @Test
    void the_recommended_cost_is_owasps_19_mib_line_with_an_extra_pass() {
        assertThat(Argon2Cost.recommended()).isEqualTo(new Argon2Cost(19_456, 3, 1));
        assertThat(Argon2Cost.recommended().meetsOwaspMinimum()).isTrue();
    }

    @Test
    void the_recommended_cost_is_no_weaker_than_keycloaks_default_in_memory_or_total_work() {
        var keycloak = new Argon2Cost(7_168, 5, 1);
        var recommended = Argon2Cost.recommended();
        assertThat(recommended.memoryKiB()).isGreaterThanOrEqualTo(keycloak.memoryKiB());
        assertThat((long) recommended.memoryKiB() * recommended.iterations())
                .isGreaterThanOrEqualTo((long) keycloak.memoryKiB() * keycloak.iterations());
    }

    @ParameterizedTest
    @CsvSource({
            "47104, 1, true", "47103, 1, false", "19456, 1, false",
            "19456, 2, true", "19455, 2, false",
            "12288, 3, true", "12287, 3, false",
            "9216, 4, true", "9215, 4, false",
            "7168, 5, true", "7168, 20, true", "7167, 20, false",
    })
    void owasps_minimum_is_its_table_of_memory_per_pass_count(int memoryKiB, int iterations, boolean meets) {
        assertThat(new Argon2Cost(memoryKiB, iterations, 1).meetsOwaspMinimum()).isEqualTo(meets);
    }

    @Test
    void a_cost_is_weaker_when_any_part_is_lower() {
        var base = new Argon2Cost(19_456, 3, 2);
        assertThat(new Argon2Cost(19_455, 3, 2).weakerThan(base)).isTrue();
        assertThat(new Argon2Cost(19_456, 2, 2).weakerThan(base)).isTrue();
        assertThat(new Argon2Cost(19_456, 3, 1).weakerThan(base)).isTrue();
        assertThat(base.weakerThan(base)).isFalse();
        assertThat(new Argon2Cost(65_536, 4, 4).weakerThan(base)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"0, 1, 1", "7, 1, 1", "15, 1, 2", "1048577, 1, 1", "19456, 0, 1", "19456, 21, 1", "19456, 1, 0", "19456, 1, 17",
            "-1, 1, 1", "2147483647, 1, 1"})
    void costs_outside_the_bounds_are_refused(int memoryKiB, int iterations, int parallelism) {
        assertThatThrownBy(() -> new Argon2Cost(memoryKiB, iterations, parallelism))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_bounds_themselves_are_allowed() {
        assertThat(new Argon2Cost(Argon2Cost.MAX_MEMORY_KIB, Argon2Cost.MAX_ITERATIONS, Argon2Cost.MAX_PARALLELISM)).isNotNull();
        assertThat(new Argon2Cost(8, 1, 1)).isNotNull();
    }
}
