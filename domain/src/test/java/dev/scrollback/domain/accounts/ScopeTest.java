package dev.scrollback.domain.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scrollback.domain.shared.InvalidValue;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScopeTest {

    @Test
    void scopes_are_read_by_their_exact_wire_names() {
        assertThat(Scope.parse("events:read")).isEqualTo(Scope.EVENTS_READ);
        assertThat(Scope.parse("audit:read")).isEqualTo(Scope.AUDIT_READ);
        assertThat(Scope.parse("admin")).isEqualTo(Scope.ADMIN);
        assertThat(Scope.parse("boards:write")).isEqualTo(Scope.BOARDS_WRITE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Events:Read", "events_read", "EVENTS_READ", " admin", "admin ", "root", "events:*"})
    void anything_else_is_refused_naming_the_scopes_there_are(String name) {
        assertThatThrownBy(() -> Scope.parse(name))
                .isInstanceOf(InvalidValue.class)
                .hasMessageContaining("events:read, audit:read, admin, boards:write");
    }

    @Test
    void a_key_acts_only_with_roles_its_account_holds_and_its_scopes_unlock() {
        var sysop = Set.of(Role.SYSOP, Role.MEMBER);
        assertThat(Scope.rolesFor(Set.of(Scope.ADMIN), sysop)).containsExactly(Role.SYSOP);
        assertThat(Scope.rolesFor(Set.of(Scope.EVENTS_READ), sysop)).isEmpty();
        assertThat(Scope.rolesFor(Set.of(Scope.ADMIN, Scope.BOARDS_WRITE), sysop)).containsExactlyInAnyOrder(Role.SYSOP, Role.MEMBER);
        assertThat(Scope.rolesFor(Set.of(Scope.ADMIN, Scope.AUDIT_READ), Set.of(Role.MEMBER)))
                .as("an admin key of a member grants nothing extra").isEmpty();
    }

    @Test
    void the_key_id_travels_as_32_hex_digits_and_back() {
        var id = ApiKeyId.parse("0195f0a0-1234-7000-8abc-0000000000aa");
        assertThat(id.compact()).isEqualTo("0195f0a012347000" + "8abc0000000000aa");
        assertThat(ApiKeyId.fromCompact(id.compact())).contains(id);
        assertThat(ApiKeyId.fromCompact("0195F0A0123470008ABC0000000000AA")).isEmpty();
        assertThat(ApiKeyId.fromCompact("0195f0a0")).isEmpty();
    }

    @Test
    void a_key_name_is_bounded_and_printable() {
        assertThat(new ApiKeyName("  ci deploy ").value()).isEqualTo("ci deploy");
        assertThatThrownBy(() -> new ApiKeyName(" ")).isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> new ApiKeyName("x".repeat(65))).isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> new ApiKeyName("bell\u0007")).isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> new ApiKeyName("rtl\u202Eevil")).isInstanceOf(InvalidValue.class);
    }

    @Test
    void a_key_digest_prints_as_stars() {
        assertThat(new ApiKeyHash("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")).hasToString("***");
        assertThatThrownBy(() -> new ApiKeyHash("not hex")).isInstanceOf(InvalidValue.class);
    }
}
