package dev.scrollback.domain.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scrollback.domain.shared.InvalidValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTest {

    @ParameterizedTest
    @ValueSource(strings = {"alice@example.test", "a@b", "first.last+tag@mail.example.org", "x_y-z@sub-domain.example.co",
            "o'brien@example.ie", "josé@example.es"})
    void ordinary_addresses_are_accepted(String raw) {
        assertThat(new EmailAddress(raw).value()).isEqualTo(raw);
    }

    @Test
    void the_domain_is_lower_cased_and_the_local_part_kept() {
        assertThat(new EmailAddress("  Alice.Smith@Example.TEST ").value()).isEqualTo("Alice.Smith@example.test");
    }

    @Test
    void the_local_part_is_everything_before_the_at_sign() {
        assertThat(new EmailAddress("alice+bbs@example.test").localPart()).isEqualTo("alice+bbs");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "alice", "alice@", "@example.test", "a@b@example.test", "al ice@example.test",
            "alice@exa mple.test", "alice@example..test", "alice@-example.test", "alice@example-.test", "alice@example.test.",
            "alice@exa_mple.test", "ali\u0000ce@example.test", "alice@example.test\r\nBcc: x@y.z", "alice\n@example.test",
            "alice@bücher.de", "<alice@example.test>", "x,y@example.test", "a;b@example.test", "\"quoted\"@example.test",
            "a(comment)@example.test", "a:b@example.test", "a\\b@example.test", "a<b@example.test", "a[b]@example.test"})
    void malformed_addresses_are_refused(String raw) {
        assertThatThrownBy(() -> new EmailAddress(raw))
                .isInstanceOf(InvalidValue.class)
                .satisfies(e -> assertThat(((InvalidValue) e).field()).isEqualTo("email"));
    }

    @Test
    void a_missing_address_is_refused() {
        assertThatThrownBy(() -> new EmailAddress(null)).isInstanceOf(InvalidValue.class);
    }

    @Test
    void overlong_addresses_are_refused() {
        assertThatThrownBy(() -> new EmailAddress("a".repeat(65) + "@example.test")).isInstanceOf(InvalidValue.class);
        var longDomain = ("d".repeat(60) + ".").repeat(5) + "test";               // > 254 in total
        assertThatThrownBy(() -> new EmailAddress("a@" + longDomain)).isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> new EmailAddress("a@" + "x".repeat(100_000) + ".test")).isInstanceOf(InvalidValue.class);
    }

    @Test
    void an_address_never_prints_itself() {
        assertThat(new EmailAddress("alice@example.test")).hasToString("a***@example.test");
    }
}
