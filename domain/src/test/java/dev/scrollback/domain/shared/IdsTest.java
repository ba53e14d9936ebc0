package dev.scrollback.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class IdsTest {
    static final String TEXT = "0195f0a0-1234-7abc-8def-0123456789ab";

    @Test
    void ids_read_and_print_the_canonical_form() {
        assertThat(AccountId.parse(TEXT).value()).isEqualTo(UUID.fromString(TEXT));
        assertThat(SessionId.parse(TEXT)).hasToString(TEXT);
        assertThat(AccountId.parse(TEXT.toUpperCase())).isEqualTo(AccountId.parse(TEXT));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "1-2-3-4-5", "0195f0a0-1234-7abc-8def-0123456789a", "0195f0a0-1234-7abc-8def-0123456789abc",
            "0195f0a012347abc8def0123456789ab", "{0195f0a0-1234-7abc-8def-0123456789ab}", "0195f0a0-1234-7abc-8def-0123456789ag",
            " 0195f0a0-1234-7abc-8def-0123456789ab", "0195f0a0_1234_7abc_8def_0123456789ab", "../../etc/passwd"})
    void anything_else_is_an_invalid_value_not_a_crash(String text) {
        assertThatThrownBy(() -> AccountId.parse(text)).isInstanceOf(InvalidValue.class)
                .satisfies(e -> assertThat(((InvalidValue) e).field()).isEqualTo("accountId"));
        assertThatThrownBy(() -> SessionId.parse(text)).isInstanceOf(InvalidValue.class)
                .satisfies(e -> assertThat(((InvalidValue) e).field()).isEqualTo("sessionId"));
    }

    @Test
    void a_flood_is_refused() {
        assertThatThrownBy(() -> AccountId.parse("0".repeat(1_000_000))).isInstanceOf(InvalidValue.class);
    }

    @Test
    void an_id_needs_a_value() {
        assertThatThrownBy(() -> new AccountId(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void channels_have_wire_names() {
        assertThat(Channel.TELNET.wireName()).isEqualTo("telnet");
        assertThat(Channel.WEB.wireName()).isEqualTo("web");
    }
}
