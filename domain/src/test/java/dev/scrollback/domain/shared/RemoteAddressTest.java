package dev.scrollback.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RemoteAddressTest {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "0.0.0.0", "255.255.255.255", "192.0.2.7", "::1", "::", "fe80::1",
            "2001:db8::8a2e:370:7334", "2001:0db8:0000:0000:0000:ff00:0042:8329", "0:0:0:0:0:0:0:1", "::ffff:192.0.2.7",
            "1::", "1:2:3:4:5:6:7::", "::2:3:4:5:6:7:8", "64:ff9b::192.0.2.33"})
    void bare_ip_literals_are_accepted(String literal) {
        assertThat(new RemoteAddress(literal).value()).isEqualTo(literal);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/127.0.0.1                  | 127.0.0.1",
            "/127.0.0.1:5555             | 127.0.0.1",
            "localhost/127.0.0.1:80      | 127.0.0.1",
            "[::1]                       | ::1",
            "[::1]:2323                  | ::1",
            "/[0:0:0:0:0:0:0:1]:5555     | 0:0:0:0:0:0:0:1",
            "fe80::1%eth0                | fe80::1",
            "/fe80:0:0:0:0:0:0:1%1       | fe80:0:0:0:0:0:0:1",
            "'  10.0.0.1 '               | 10.0.0.1"})
    void what_sockets_print_is_read_leniently(String printed, String bare) {
        assertThat(RemoteAddress.lenient(printed)).isEqualTo(new RemoteAddress(bare));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "localhost", "example.org", "256.0.0.1", "1.2.3", "1.2.3.4.5", "1.2.3.-4",
            "127.0.0.1:5555", "[::1]", "::1%eth0", ":::", ":::::", "1:2:3:4:5:6:7:8:9", "1::2::3", "12345::1", "g::1",
            "1:2:3:4:5:6:7", ":1:2:3:4:5:6:7", "1.2.3.4::", "::1.2.3", "::ffff:999.0.0.1", "1.2.3.4 ", "0x7f.0.0.1",
            "127.0.0.1\u0000", "１２７.0.0.1"})
    void anything_but_a_bare_literal_is_refused(String text) {
        assertThatThrownBy(() -> new RemoteAddress(text))
                .isInstanceOf(InvalidValue.class)
                .satisfies(e -> assertThat(((InvalidValue) e).field()).isEqualTo("address"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "garbage", "/", "[]", "[::1", "[::1]x", "[::1]:port", "127.0.0.1:http", "127.0.0.1:",
            "host/", "[1.2.3.4]:99999999", "::1]:80", "%eth0", "1.2.3.4%%"})
    void garbage_is_refused_even_leniently(String text) {
        assertThatThrownBy(() -> RemoteAddress.lenient(text)).isInstanceOf(InvalidValue.class);
    }

    @Test
    void nothing_and_floods_are_refused() {
        assertThatThrownBy(() -> new RemoteAddress(null)).isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> RemoteAddress.lenient(null)).isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> RemoteAddress.lenient("1".repeat(100_000))).isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> new RemoteAddress(":".repeat(100_000))).isInstanceOf(InvalidValue.class);
    }

    @Test
    void it_prints_the_bare_literal() {
        assertThat(new RemoteAddress("::1")).hasToString("::1");
    }
}
