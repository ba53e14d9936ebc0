package dev.scrollback.adapters.telnet.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Bodies wrapped to the window: words kept whole, long words split, quotes quoted on every piece. */
class ColumnsTest {

    @Test
    void words_wrap_at_the_width_and_a_word_longer_than_a_line_is_split() {
        assertThat(Columns.wrap("one two three four", 9)).containsExactly("one two", "three", "four");
        assertThat(Columns.wrap("abcdefghijkl", 5)).containsExactly("abcde", "fghij", "kl");
    }

    @Test
    void blank_lines_and_tabs_are_kept_as_space() {
        assertThat(Columns.wrap("a\n\n\tb", 20)).containsExactly("a", "", " b");
    }

    @Test
    void a_wrapped_quote_keeps_its_marks_on_every_line() {
        assertThat(Columns.wrap("> > alpha beta gamma delta epsilon", 20))
                .containsExactly("> > alpha beta gamma", "> > delta epsilon");
    }

    @Test
    void fit_pads_or_cuts_with_a_mark() {
        assertThat(Columns.fit("abc", 5)).isEqualTo("abc  ");
        assertThat(Columns.fit("abcdef", 4)).isEqualTo("abc~");
    }
}
