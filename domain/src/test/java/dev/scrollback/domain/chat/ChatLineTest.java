package dev.scrollback.domain.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scrollback.domain.shared.InvalidValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one parser every channel's chat input goes through, under hostile input. */
class ChatLineTest {

    @Test
    void slash_me_is_an_action_and_anything_else_is_said() {
        assertThat(ChatLine.parse("/me waves")).isEqualTo(ChatLine.action("waves"));
        assertThat(ChatLine.parse("/ME  waves  ")).isEqualTo(ChatLine.action("waves"));
        assertThat(ChatLine.parse("hello there")).isEqualTo(ChatLine.say("hello there"));
        assertThat(ChatLine.parse("  hello  ").text().value()).isEqualTo("hello");
        assertThat(ChatLine.parse("/meow").kind()).as("not /me followed by a space").isEqualTo(LineKind.SAY);
        assertThat(ChatLine.parse("/meow").text().value()).isEqualTo("/meow");
        assertThat(ChatLine.parse("me waves")).isEqualTo(ChatLine.say("me waves"));
        assertThat(ChatLine.parse("/quit")).as("other slashes are said as typed").isEqualTo(ChatLine.say("/quit"));
    }

    @Test
    void a_double_slash_escapes_a_line_that_starts_with_a_slash() {
        assertThat(ChatLine.parse("//x")).isEqualTo(ChatLine.say("/x"));
        assertThat(ChatLine.parse("//me waves")).isEqualTo(ChatLine.say("/me waves"));
        assertThat(ChatLine.parse("///")).isEqualTo(ChatLine.say("//"));
        assertThat(ChatLine.parse("/")).isEqualTo(ChatLine.say("/"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/me", "/me ", "/ME   ", " /me"})
    void slash_me_alone_is_refused(String raw) {
        assertThatThrownBy(() -> ChatLine.parse(raw)).isInstanceOf(InvalidValue.class).hasMessageContaining("/me")
                .extracting(e -> ((InvalidValue) e).field()).isEqualTo("text");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\u3000"})
    void an_empty_line_is_refused(String raw) {
        assertThatThrownBy(() -> ChatLine.parse(raw)).isInstanceOf(InvalidValue.class);
    }

    @Test
    void nothing_is_refused_with_a_reason_not_a_crash() {
        assertThatThrownBy(() -> ChatLine.parse(null)).isInstanceOf(InvalidValue.class).hasMessage("is required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"hi\u001b[2Jthere", "bell\u0007", "two\nlines", "cr\rhere", "tab\there", "nul\u0000",
            "c1\u009b31m", "line\u2028sep", "para\u2029sep", "bidi\u202eevil", "isolate\u2066x", "/me\nwaves",
            "/me\u0000waves", "/me\twaves", "//\u001b[1m"})
    void control_characters_anywhere_are_refused(String raw) {
        assertThatThrownBy(() -> ChatLine.parse(raw)).isInstanceOf(InvalidValue.class)
                .hasMessageContaining("control characters");
    }

    @Test
    void a_lone_surrogate_is_refused() {
        assertThatThrownBy(() -> ChatLine.parse("broken \ud800 text")).isInstanceOf(InvalidValue.class);
    }

    @Test
    void a_line_is_at_most_five_hundred_characters_counted_as_characters_not_chars() {
        assertThat(ChatLine.parse("x".repeat(500)).text().value()).hasSize(500);
        assertThatThrownBy(() -> ChatLine.parse("x".repeat(501))).isInstanceOf(InvalidValue.class).hasMessageContaining("500");
        var emoji = "\ud83d\ude00".repeat(500);                  // 500 characters, 1,000 chars
        assertThat(ChatLine.parse(emoji).text().value()).isEqualTo(emoji);
        assertThat(ChatLine.parse("/me " + "y".repeat(500)).text().value()).hasSize(500);
    }

    @Test
    void ten_thousand_characters_are_refused_at_once() {
        var flood = "a".repeat(10_000);
        assertThatThrownBy(() -> ChatLine.parse(flood)).isInstanceOf(InvalidValue.class).hasMessageContaining("500");
        assertThatThrownBy(() -> ChatLine.parse("/me " + flood)).isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> ChatLine.parse("\u0000".repeat(10_000))).isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> ChatLine.parse(" ".repeat(1_000_000))).isInstanceOf(InvalidValue.class);
    }

    @Test
    void text_is_stored_composed() {
        assertThat(ChatLine.parse("cafe\u0301").text().value()).isEqualTo("caf\u00e9");
    }

    @Test
    void a_transcript_shows_who_said_or_did_it() {
        assertThat(ChatLine.parse("hi").asSeenFrom("Alice")).isEqualTo("Alice: hi");
        assertThat(ChatLine.parse("/me waves").asSeenFrom("Alice")).isEqualTo("* Alice waves");
    }
}
