package dev.scrollback.domain.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scrollback.domain.accounts.SigningKeyEvent.RotationReason;
import dev.scrollback.domain.accounts.SigningKeyEvent.SigningKeyRotated;
import dev.scrollback.domain.shared.InvalidValue;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class SigningKeyEventTest {
    static final Instant T0 = Instant.parse("2025-03-01T20:00:00Z");
    static final SigningKeyId OLD = new SigningKeyId("Hn2yl8Ef1BkZlK5y5Kc8r0F-9G_4q7m3L1w2e3r4t5y");
    static final SigningKeyId NEW = new SigningKeyId("aB3_-x");

    @Test
    void a_thumbprint_is_a_key_id() {
        assertThat(OLD.value()).hasSize(43);
        assertThat(OLD).hasToString(OLD.value());
        assertThat(SigningKeyId.isValid(OLD.value())).isTrue();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " ", "a b", "a.b", "../keys", "kid=1", "ä", "x\n"})
    void anything_else_is_not_a_key_id(String text) {
        assertThatThrownBy(() -> new SigningKeyId(text)).isInstanceOf(InvalidValue.class);
        assertThat(SigningKeyId.isValid(text)).isFalse();
    }

    @Test
    void a_flood_is_not_a_key_id() {
        assertThat(SigningKeyId.isValid("a".repeat(65))).isFalse();
        assertThat(SigningKeyId.isValid("a".repeat(1_000_000))).isFalse();
        assertThat(SigningKeyId.isValid("a".repeat(64))).isTrue();
    }

    @Test
    void a_rotation_names_the_new_key_and_the_one_it_replaces() {
        var rotated = new SigningKeyRotated(NEW, Optional.of(OLD), RotationReason.ON_DEMAND, T0);
        assertThat(rotated.key()).isEqualTo(NEW);
        assertThat(rotated.previous()).contains(OLD);
        assertThat(new SigningKeyRotated(OLD, Optional.empty(), RotationReason.INITIAL, T0).previous()).isEmpty();
    }

    @Test
    void a_key_cannot_replace_itself() {
        assertThatThrownBy(() -> new SigningKeyRotated(NEW, Optional.of(NEW), RotationReason.SCHEDULED, T0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
