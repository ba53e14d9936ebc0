package dev.scrollback.adapters.web.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.adapters.web.terminal.TerminalFrames.Input;
import dev.scrollback.adapters.web.terminal.TerminalFrames.Rejected;
import dev.scrollback.adapters.web.terminal.TerminalFrames.Resize;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The web terminal's wire protocol against what a hostile page or client could send. */
class TerminalFramesTest {

    @Test
    void a_binary_frame_is_typed_input_byte_for_byte() {
        var typed = "sysop\r\u00e9".getBytes(StandardCharsets.UTF_8);
        assertThat(TerminalFrames.binary(ByteBuffer.wrap(typed))).isInstanceOfSatisfying(Input.class,
                in -> assertThat(in.bytes()).containsExactly(typed));
    }

    @Test
    void binary_junk_is_passed_on_as_bytes_for_the_engine_to_judge() {
        var junk = new byte[TerminalFrames.MAX_INPUT_BYTES];
        new Random(7).nextBytes(junk);
        assertThat(TerminalFrames.binary(ByteBuffer.wrap(junk))).isInstanceOfSatisfying(Input.class,
                in -> assertThat(in.bytes()).containsExactly(junk));
    }

    @Test
    void an_empty_or_huge_binary_frame_is_rejected() {
        assertThat(TerminalFrames.binary(ByteBuffer.allocate(0))).isInstanceOf(Rejected.class);
        assertThat(TerminalFrames.binary(ByteBuffer.allocate(TerminalFrames.MAX_INPUT_BYTES + 1)))
                .isEqualTo(new Rejected("input frame too large"));
        assertThat(TerminalFrames.binary(ByteBuffer.allocate(10 * 1024 * 1024))).isInstanceOf(Rejected.class);
    }

    @Test
    void a_resize_message_gives_the_size() {
        assertThat(TerminalFrames.text("{\"type\":\"resize\",\"cols\":132,\"rows\":43}")).isEqualTo(new Resize(132, 43));
        assertThat(TerminalFrames.text(" { \"rows\" : 1 , \"cols\" : 1000 , \"type\" : \"resize\" } "))
                .isEqualTo(new Resize(1000, 1));
    }

    @Test
    void negative_zero_huge_fractional_or_textual_sizes_are_rejected() {
        for (var size : new String[] {"-1", "0", "1001", "2147483648", "99999999999999999999", "80.5", "8e1", "\"80\"",
                "null", "true", "[80]", "{}"}) {
            assertThat(TerminalFrames.text("{\"type\":\"resize\",\"cols\":" + size + ",\"rows\":24}")).as(size)
                    .isInstanceOf(Rejected.class);
            assertThat(TerminalFrames.text("{\"type\":\"resize\",\"cols\":80,\"rows\":" + size + "}")).as(size)
                    .isInstanceOf(Rejected.class);
        }
    }

    @Test
    void garbage_json_and_unknown_messages_are_rejected() {
        for (var message : new String[] {"", " ", "resize", "{", "{\"type\":\"resize\"", "null", "42", "\"resize\"",
                "[{\"type\":\"resize\",\"cols\":80,\"rows\":24}]",
                "{\"type\":\"resize\",\"cols\":80,\"rows\":24} {}",
                "{\"type\":\"resize\",\"cols\":80,\"rows\":24,\"cols\":90}",
                "{\"type\":\"resize\",\"cols\":80,\"rows\":24,\"extra\":1}",
                "{\"type\":\"resize\",\"cols\":80}",
                "{\"type\":\"RESIZE\",\"cols\":80,\"rows\":24}",
                "{\"type\":\"input\",\"data\":\"rm -rf /\"}",
                "{\"type\":[\"resize\"],\"cols\":80,\"rows\":24}",
                "{'type':'resize','cols':80,'rows':24}",
                "\u0000\u0001\u0002", "\uD800"}) {
            assertThat(TerminalFrames.text(message)).as(message).isInstanceOf(Rejected.class);
        }
    }

    @Test
    void a_huge_or_deeply_nested_control_message_is_rejected_before_it_is_parsed() {
        var huge = "{\"type\":\"resize\",\"cols\":80,\"rows\":24,\"pad\":\"" + "x".repeat(1_000_000) + "\"}";
        assertThat(TerminalFrames.text(huge)).isEqualTo(new Rejected("control message too large"));
        assertThat(TerminalFrames.text("[".repeat(100_000))).isEqualTo(new Rejected("control message too large"));
        assertThat(TerminalFrames.text("[".repeat(200))).isInstanceOf(Rejected.class);
    }

    @Test
    void a_rejection_reason_fits_a_websocket_close_frame() {
        for (var rejected : new TerminalFrames.Frame[] {TerminalFrames.text("x"), TerminalFrames.text("{\"type\":\"resize\"}"),
                TerminalFrames.text("{\"type\":\"resize\",\"cols\":0,\"rows\":0}"), TerminalFrames.binary(ByteBuffer.allocate(0)),
                TerminalFrames.text("y".repeat(300))}) {
            assertThat(((Rejected) rejected).reason().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(123);
        }
    }
}
