package dev.scrollback.application.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scrollback.domain.shared.InvalidValue;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class StreamIdTest {

    @Test
    void it_is_a_category_and_an_id() {
        var uuid = UUID.fromString("0195f0a0-0000-7000-8000-000000000001");
        var stream = StreamId.of("account", uuid);
        assertThat(stream.value()).isEqualTo("account-0195f0a0-0000-7000-8000-000000000001");
        assertThat(stream.category()).isEqualTo("account");
        assertThat(stream.id()).isEqualTo(uuid.toString());
        assertThat(stream).hasToString(stream.value()).isEqualTo(new StreamId(stream.value()));
    }

    @Test
    void the_id_may_hold_dashes_and_any_letters() {
        assertThat(new StreamId("handle-bob_the-builder").id()).isEqualTo("bob_the-builder");
        assertThat(new StreamId("handle-σίσυφος").category()).isEqualTo("handle");
        assertThat(new StreamId("board2-x").category()).isEqualTo("board2");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "account", "account-", "-abc", "Account-1", "2fa-x", "acc_ount-1", "account-a b", "account-a\nb",
            "account-\t", "abcdefghijklmnopqrstuvwxyzabcdefg-1"})
    void anything_else_is_refused(String value) {
        assertThatThrownBy(() -> new StreamId(value)).isInstanceOf(InvalidValue.class);
    }

    @Test
    void ids_are_bounded() {
        assertThat(new StreamId("x-" + "a".repeat(200)).id()).hasSize(200);
        assertThatThrownBy(() -> new StreamId("x-" + "a".repeat(201))).isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> new StreamId("x-" + "a".repeat(1_000_000))).isInstanceOf(InvalidValue.class);
    }
}
