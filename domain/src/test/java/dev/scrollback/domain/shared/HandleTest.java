package dev.scrollback.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class HandleTest {

    @ParameterizedTest
    @ValueSource(strings = {"al", "Alice", "bob_the-builder", "x1", "abcdefghijklmnopqrstuvwx", "Łukasz", "Σίσυφος",
            "日本語", "émile", "İlker", "a-", "b_"})
    void well_formed_handles_are_accepted(String raw) {
        assertThat(new Handle(raw).value()).isEqualTo(raw);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a", "abcdefghijklmnopqrstuvwxy", "1alice", "_alice", "-alice", "al ice", "al\tice",
            "alice!", "al.ice", "al@ice", "alice\u0000", "ali\u0007ce", "\u001b[31mred", "al\nice", "😀😀", "ali😀",
            "a\u0301\u0301b", "\u0301abc", "x\u200By", "ab\u00AD", "   ", "../etc", "al/ice", "al'ice", "<b>x</b>"})
    void malformed_handles_are_refused(String raw) {
        assertThatThrownBy(() -> new Handle(raw))
                .isInstanceOf(InvalidValue.class)
                .satisfies(e -> assertThat(((InvalidValue) e).field()).isEqualTo("handle"));
    }

    @Test
    void a_missing_handle_is_refused() {
        assertThatThrownBy(() -> new Handle(null)).isInstanceOf(InvalidValue.class).hasMessage("is required");
    }

    @Test
    void a_huge_handle_is_refused_without_normalising_it() {
        assertThatThrownBy(() -> new Handle("a".repeat(10_000))).isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> new Handle("\uFDFA".repeat(10_000))).isInstanceOf(InvalidValue.class);
    }

    @Test
    void a_handle_that_normalises_past_the_limit_is_refused() {
        // one code point each, but NFKC spells U+FB03 (ffi) as three letters: 3 * 9 = 27 > 24
        assertThatThrownBy(() -> new Handle("\uFB03".repeat(9))).isInstanceOf(InvalidValue.class);
    }

    @Test
    void surrounding_blanks_are_ignored() {
        assertThat(new Handle("  alice \t").value()).isEqualTo("alice");
    }

    static Stream<Arguments> sameHandle() {
        return Stream.of(
                Arguments.of("alice", "Alice"),
                Arguments.of("alice", "ALICE"),
                Arguments.of("Alice", "Ａｌｉｃｅ"),                      // full-width
                Arguments.of("straße", "STRASSE"),
                Arguments.of("Straße", "strasse"),
                Arguments.of("straße", "STRAẞE"),                        // capital sharp s
                Arguments.of("fish", "ﬁsh"),                             // ligature fi
                Arguments.of("émile", "e\u0301mile"),                     // precomposed vs combining accent
                Arguments.of("ΣΊΣΥΦΟΣ", "σίσυφος"),
                Arguments.of("user1", "user１"));                        // full-width digit
    }

    @ParameterizedTest
    @MethodSource("sameHandle")
    void look_alikes_are_one_handle(String one, String other) {
        var a = new Handle(one);
        var b = new Handle(other);
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a.key()).isEqualTo(b.key());
    }

    @Test
    void the_chosen_spelling_is_kept_while_the_key_is_folded() {
        var handle = new Handle("Ａｌｉｃｅ");
        assertThat(handle.value()).isEqualTo("Alice");
        assertThat(handle.key()).isEqualTo("alice");
        assertThat(handle).hasToString("Alice");
    }

    @Test
    void different_handles_differ() {
        assertThat(new Handle("alice")).isNotEqualTo(new Handle("alicia"));
        assertThat(new Handle("bob")).isNotEqualTo("bob");
    }

    @Test
    void twenty_four_letters_that_fold_longer_are_still_one_handle() {
        var handle = new Handle("ß".repeat(24));
        assertThat(handle.key()).isEqualTo("ss".repeat(24));
        assertThat(handle).isEqualTo(new Handle("ẞ".repeat(24)));                  // capital sharp s
    }

    @Test
    void a_dotted_capital_i_folds_to_a_key_that_is_still_usable() {
        var handle = new Handle("İlker");
        assertThat(handle.key()).isEqualTo("i\u0307lker");
        assertThat(handle).isEqualTo(new Handle("İLKER"));
        assertThat(handle).isNotEqualTo(new Handle("ilker"));      // locale-independent: no Turkish dotless rule
    }

    @ParameterizedTest
    @ValueSource(strings = {"new", "NEW", "sysop", "Sysop", "ＳＹＳＯＰ", "all", "guest", "system", "admin", "root"})
    void reserved_names_are_recognised_however_they_are_spelled(String raw) {
        assertThat(new Handle(raw).isReserved()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice", "newton", "sysops", "allison", "guests"})
    void names_that_merely_start_like_reserved_ones_are_free(String raw) {
        assertThat(new Handle(raw).isReserved()).isFalse();
    }
}
