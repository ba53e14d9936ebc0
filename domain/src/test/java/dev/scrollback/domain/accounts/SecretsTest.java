package dev.scrollback.domain.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scrollback.domain.shared.InvalidValue;
import org.junit.jupiter.api.Test;

class SecretsTest {

    @Test
    void secrets_and_hashes_never_print_themselves() {
        assertThat(new Secret("correct horse battery staple")).hasToString("***");
        assertThat(new PasswordHash("$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA")).hasToString("***");
    }

    @Test
    void a_secret_is_bounded() {
        assertThat(new Secret("x".repeat(Secret.MAX_LENGTH)).value()).hasSize(1024);
        assertThatThrownBy(() -> new Secret("x".repeat(Secret.MAX_LENGTH + 1))).isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> new Secret("")).isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> new Secret(null)).isInstanceOf(InvalidValue.class);
    }

    @Test
    void a_hash_is_bounded() {
        assertThatThrownBy(() -> new PasswordHash(" ")).isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> new PasswordHash(null)).isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> new PasswordHash("h".repeat(513))).isInstanceOf(InvalidValue.class);
    }

    @Test
    void roles_have_wire_names() {
        assertThat(Role.SYSOP.wireName()).isEqualTo("sysop");
    }
}
