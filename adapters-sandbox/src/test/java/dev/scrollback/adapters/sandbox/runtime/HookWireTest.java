package dev.scrollback.adapters.sandbox.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.application.hooks.CommandRequest;
import dev.scrollback.application.hooks.LoginFacts;
import dev.scrollback.application.hooks.MenuViewer;
import dev.scrollback.application.hooks.PostedMessage;
import dev.scrollback.application.plugins.HookAnswer;
import dev.scrollback.application.plugins.HookInput;
import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.Channel;
import dev.scrollback.domain.shared.Handle;
import dev.scrollback.domain.shared.MessagePlace;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Each hook's wire format, and what a plugin's answer may not be (hostile and broken answers are faults, not crashes). */
class HookWireTest {
    static final HookInput FILTER = new HookInput.FilterContent("hello");
    static final HookInput MENU = new HookInput.MenuItemFor(new MenuViewer(new Handle("Amiga"), Set.of("member"), Channel.TELNET));
    static final HookInput COMMAND = new HookInput.Command(new CommandRequest("dice", new Handle("Amiga"), "3d6"));

    @Test
    void inputs_are_the_text_for_filters_and_commands_and_json_for_the_others() {
        assertThat(new String(HookWire.encode(FILTER), StandardCharsets.UTF_8)).isEqualTo("hello");
        assertThat(new String(HookWire.encode(COMMAND), StandardCharsets.UTF_8)).isEqualTo("3d6");
        var posted = new HookInput.MessagePosted(new PostedMessage(MessagePlace.chat(new UUID(0, 1), "Lobby \"1\""),
                new Handle("Amiga"), "hi\n\"there\""));
        assertThat(new String(HookWire.encode(posted), StandardCharsets.UTF_8)).isEqualTo(
                "{\"place\":\"chat\",\"place_id\":\"00000000-0000-0000-0000-000000000001\",\"place_name\":\"Lobby \\\"1\\\"\","
                        + "\"author\":\"Amiga\",\"text\":\"hi\\n\\\"there\\\"\"}");
        var onBoard = new HookInput.MessagePosted(new PostedMessage(MessagePlace.board(new UUID(0, 3), "Chatter"),
                new Handle("Amiga"), "!ping", java.util.Optional.of(new UUID(0, 4))));
        assertThat(new String(HookWire.encode(onBoard), StandardCharsets.UTF_8)).isEqualTo(
                "{\"place\":\"board\",\"place_id\":\"00000000-0000-0000-0000-000000000003\",\"place_name\":\"Chatter\","
                        + "\"author\":\"Amiga\",\"text\":\"!ping\",\"thread_id\":\"00000000-0000-0000-0000-000000000004\"}");
        var login = new HookInput.UserLogin(new LoginFacts(new AccountId(new UUID(0, 2)), new Handle("Amiga"), Channel.WEB, true));
        assertThat(new String(HookWire.encode(login), StandardCharsets.UTF_8))
                .isEqualTo("{\"handle\":\"Amiga\",\"channel\":\"web\",\"first_login\":true}");
        assertThat(new String(HookWire.encode(MENU), StandardCharsets.UTF_8))
                .isEqualTo("{\"handle\":\"Amiga\",\"channel\":\"telnet\",\"roles\":[\"member\"]}");
    }

    @Test
    void a_filter_answers_nothing_or_a_verdict() {
        assertThat(read(FILTER, "")).isEqualTo(new HookAnswer.Accept());
        assertThat(read(FILTER, "{\"verdict\":\"accept\"}")).isEqualTo(new HookAnswer.Accept());
        assertThat(read(FILTER, "{\"verdict\":\"reject\",\"reason\":\"too\\u001b[2J many\\nlinks\"}"))
                .isEqualTo(new HookAnswer.Reject("too?[2J many links"));
        assertThat(read(FILTER, "{\"verdict\":\"rewrite\",\"text\":\"h****\"}")).isEqualTo(new HookAnswer.Rewrite("h****"));
    }

    @Test
    void a_filter_answer_that_does_not_read_is_refused_with_why() {
        assertThat(why(FILTER, "accept")).isEqualTo("the filter's answer is not JSON");
        assertThat(why(FILTER, "[1,2]")).contains("not an object with a \"verdict\"");
        assertThat(why(FILTER, "{\"verdict\":\"maybe\"}")).contains("must be \"accept\", \"reject\" or \"rewrite\"");
        assertThat(why(FILTER, "{\"verdict\":\"reject\"}")).contains("needs a \"reason\"");
        assertThat(why(FILTER, "{\"verdict\":\"reject\",\"reason\":\"  \"}")).contains("needs a \"reason\"");
        assertThat(why(FILTER, "{\"verdict\":\"rewrite\",\"text\":7}")).contains("needs a \"text\"");
        assertThat(why(FILTER, "[".repeat(100_000))).isEqualTo("the filter's answer is not JSON");   // nesting bounded
    }

    @Test
    void menu_items_are_one_short_printable_line() {
        assertThat(read(MENU, "  Board statistics \n")).isEqualTo(new HookAnswer.Text("Board statistics"));
        assertThat(read(MENU, "   ")).isEqualTo(new HookAnswer.Nothing());
        assertThat(why(MENU, "two\nlines")).contains("one line");
        assertThat(why(MENU, "\u001b[31mred")).contains("printable");
        assertThat(why(MENU, "x".repeat(41))).contains("at most 40");
    }

    @Test
    void text_for_callers_is_strict_utf8_with_controls_made_harmless() {
        assertThat(read(COMMAND, "line 1\r\nline\t2\u001b]0;title\u0007\u202e")).isEqualTo(new HookAnswer.Text("line 1\nline\t2?]0;title??"));
        var notUtf8 = HookWire.decode(COMMAND, new byte[] {(byte) 0xC0, (byte) 0xAF});
        assertThat(notUtf8).isInstanceOf(HookWire.Decoded.Unreadable.class);
    }

    private static HookAnswer read(HookInput input, String output) {
        var decoded = HookWire.decode(input, output.getBytes(StandardCharsets.UTF_8));
        assertThat(decoded).isInstanceOf(HookWire.Decoded.Read.class);
        return ((HookWire.Decoded.Read) decoded).answer();
    }

    private static String why(HookInput input, String output) {
        var decoded = HookWire.decode(input, output.getBytes(StandardCharsets.UTF_8));
        assertThat(decoded).isInstanceOf(HookWire.Decoded.Unreadable.class);
        return ((HookWire.Decoded.Unreadable) decoded).why();
    }
}
