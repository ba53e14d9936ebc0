package dev.scrollback.domain.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scrollback.domain.shared.InvalidValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChatValuesTest {

    @Test
    void room_names_compare_without_case_or_width_and_keep_their_spelling() {
        var name = new RoomName("  Retro   Computing ");
        assertThat(name.value()).isEqualTo("Retro Computing");
        assertThat(new RoomName("RETRO COMPUTING").key()).isEqualTo(name.key());
        assertThat(new RoomName("\uff32\uff45\uff54\uff52\uff4f computing").key()).as("full width").isEqualTo(name.key());
        assertThat(new RoomName("Stra\u00dfe").key()).isEqualTo(new RoomName("STRASSE").key());
        assertThat(new RoomName("#retro").key()).isNotEqualTo(new RoomName("retro").key());
    }

    @ParameterizedTest
    @ValueSource(strings = {"x", "", "  ", "--", "#!", "a\u0007b", "new\nline", "tab\there", "slash/room", "<script>",
            "abcdefghijklmnopqrstuvwxyz0123456"})
    void room_names_are_two_to_thirty_two_plain_characters_with_a_letter_or_digit(String raw) {
        assertThatThrownBy(() -> new RoomName(raw)).isInstanceOf(InvalidValue.class)
                .extracting(e -> ((InvalidValue) e).field()).isEqualTo("name");
    }

    @Test
    void room_names_take_letters_of_any_script_and_some_punctuation() {
        assertThat(new RoomName("Café & Co.").value()).isEqualTo("Café & Co.");
        assertThat(new RoomName("Ретро").value()).isEqualTo("Ретро");
        assertThat(new RoomName("#1").value()).isEqualTo("#1");
        assertThat(new RoomName("x".repeat(32)).value()).hasSize(32);
        assertThatThrownBy(() -> new RoomName(null)).isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> new RoomName("y".repeat(100_000))).isInstanceOf(InvalidValue.class);
    }

    @Test
    void topics_and_pages_are_one_bounded_line() {
        assertThat(new ChatTopic(" Modems, BBSes and more ").value()).isEqualTo("Modems, BBSes and more");
        assertThatThrownBy(() -> new ChatTopic("t".repeat(121))).isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> new ChatTopic("two\nlines")).isInstanceOf(InvalidValue.class);
        assertThat(new PageText("p".repeat(200)).value()).hasSize(200);
        assertThatThrownBy(() -> new PageText("p".repeat(201))).isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> new PageText("\u001b[2J")).isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> new PageText(" ")).isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> new PageText("z".repeat(10_000))).isInstanceOf(InvalidValue.class);
    }

    @Test
    void ids_read_only_their_canonical_form() {
        var text = "0195f0a0-0000-7000-8000-0000000000c0";
        assertThat(ChatRoomId.parse(text).toString()).isEqualTo(text);
        assertThat(PageId.parse(text).toString()).isEqualTo(text);
        for (var bad : new String[] {null, "", "1-2-3-4-5", text + "0", "not-a-uuid"}) {
            assertThatThrownBy(() -> ChatRoomId.parse(bad)).isInstanceOf(InvalidValue.class);
            assertThatThrownBy(() -> PageId.parse(bad)).isInstanceOf(InvalidValue.class);
        }
    }

    @Test
    void kinds_have_wire_names() {
        assertThat(RoomKind.ofWireName("private")).contains(RoomKind.PRIVATE);
        assertThat(RoomKind.ofWireName("PUBLIC")).isEmpty();
        assertThat(LineKind.ACTION.wireName()).isEqualTo("action");
    }
}
