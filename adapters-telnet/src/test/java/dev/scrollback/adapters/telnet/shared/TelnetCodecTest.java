package dev.scrollback.adapters.telnet.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scrollback.adapters.telnet.shared.TelnetCodec.Decoded;
import dev.scrollback.adapters.telnet.shared.TelnetCodec.WindowSize;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TelnetCodecTest {
    static final int IAC = 255, DONT = 254, DO = 253, WONT = 252, WILL = 251, SB = 250, SE = 240, AYT = 246, EC = 247,
            NOP = 241;
    static final int BINARY = 0, ECHO = 1, SGA = 3, TTYPE = 24, NAWS = 31, LINEMODE = 34;

    final TelnetCodec codec = new TelnetCodec();

    static byte[] bytes(int... values) {
        var out = new byte[values.length];
        for (int i = 0; i < values.length; i++) out[i] = (byte) values[i];
        return out;
    }

    static byte[] text(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    static byte[] concat(byte[]... parts) {
        var out = new ByteArrayOutputStream();
        for (var part : parts) out.writeBytes(part);
        return out.toByteArray();
    }

    Decoded decode(byte[] input) throws ProtocolViolation {
        return codec.decode(input, 0, input.length);
    }

    /** Feeds one byte at a time and joins what comes out. */
    static Decoded decodeByteByByte(TelnetCodec codec, byte[] input) throws ProtocolViolation {
        var data = new ByteArrayOutputStream();
        var replies = new ByteArrayOutputStream();
        Optional<WindowSize> size = Optional.empty();
        Optional<String> type = Optional.empty();
        for (byte b : input) {
            var d = codec.decode(new byte[] {b}, 0, 1);
            data.writeBytes(d.data());
            replies.writeBytes(d.replies());
            if (d.windowSize().isPresent()) size = d.windowSize();
            if (d.terminalType().isPresent()) type = d.terminalType();
        }
        return new Decoded(data.toByteArray(), replies.toByteArray(), size, type);
    }

    @Test
    void the_opening_offers_echo_and_sga_and_asks_for_sga_naws_and_ttype() {
        assertThat(codec.start()).containsExactly(bytes(IAC, WILL, ECHO, IAC, WILL, SGA, IAC, DO, SGA, IAC, DO, NAWS,
                IAC, DO, TTYPE));
    }

    @Test
    void plain_data_passes_through_and_iac_iac_is_one_data_byte() throws Exception {
        var decoded = decode(concat(text("hi"), bytes(IAC, IAC), text("!")));
        assertThat(decoded.data()).containsExactly(concat(text("hi"), bytes(255), text("!")));
        assertThat(decoded.replies()).isEmpty();
    }

    @Test
    void cr_lf_and_cr_nul_both_arrive_as_one_cr_and_a_bare_lf_passes() throws Exception {
        assertThat(decode(text("a\r\nb\r\0c\nd")).data()).containsExactly(text("a\rb\rc\nd"));
    }

    @Test
    void a_cr_split_from_its_lf_by_a_command_or_a_read_is_still_one_line_end() throws Exception {
        assertThat(decode(concat(text("a\r"), bytes(IAC, NOP), text("\nb"))).data()).containsExactly(text("a\rb"));
        assertThat(decode(text("c\r")).data()).containsExactly(text("c\r"));
        assertThat(decode(bytes(0)).data()).isEmpty();
    }

    @Test
    void answers_to_our_own_requests_are_not_answered_again() throws Exception {
        codec.start();
        var decoded = decode(bytes(IAC, DO, ECHO, IAC, DO, SGA, IAC, WILL, SGA, IAC, WILL, NAWS));
        assertThat(decoded.replies()).isEmpty();
    }

    @Test
    void a_will_ttype_is_followed_by_a_request_for_the_terminal_type() throws Exception {
        codec.start();
        assertThat(decode(bytes(IAC, WILL, TTYPE)).replies()).containsExactly(bytes(IAC, SB, TTYPE, 1, IAC, SE));
    }

    @Test
    void an_unasked_will_ttype_is_agreed_to_and_then_asked() throws Exception {
        assertThat(decode(bytes(IAC, WILL, TTYPE)).replies())
                .containsExactly(bytes(IAC, DO, TTYPE, IAC, SB, TTYPE, 1, IAC, SE));
    }

    @Test
    void the_terminal_type_is_read_from_ttype_is_and_lower_cased() throws Exception {
        var decoded = decode(concat(bytes(IAC, SB, TTYPE, 0), text("XTERM-256COLOR"), bytes(IAC, SE)));
        assertThat(decoded.terminalType()).contains("xterm-256color");
    }

    @Test
    void control_characters_and_spaces_in_a_terminal_type_are_dropped_and_long_names_cut() throws Exception {
        var decoded = decode(concat(bytes(IAC, SB, TTYPE, 0), text("vt\u0007 100" + "x".repeat(100)), bytes(IAC, SE)));
        assertThat(decoded.terminalType()).contains("vt100" + "x".repeat(35));
    }

    @Test
    void naws_gives_the_window_size_with_iac_doubled_inside() throws Exception {
        var decoded = decode(bytes(IAC, SB, NAWS, 0, IAC, IAC, 1, 0, IAC, SE));
        assertThat(decoded.windowSize()).contains(new WindowSize(255, 256));
    }

    @Test
    void a_raw_255_inside_naws_from_a_sloppy_client_is_tolerated() throws Exception {
        var decoded = decode(bytes(IAC, SB, NAWS, 0, IAC, 0, 24, IAC, SE));
        assertThat(decoded.windowSize()).contains(new WindowSize(255, 24));
    }

    @Test
    void a_naws_of_the_wrong_length_is_ignored() throws Exception {
        assertThat(decode(bytes(IAC, SB, NAWS, 0, 80, 0, IAC, SE)).windowSize()).isEmpty();
    }

    @Test
    void options_we_do_not_support_are_refused() throws Exception {
        codec.start();
        assertThat(decode(bytes(IAC, DO, BINARY, IAC, WILL, LINEMODE, IAC, WILL, ECHO)).replies())
                .containsExactly(bytes(IAC, WONT, BINARY, IAC, DONT, LINEMODE, IAC, DONT, ECHO));
    }

    @Test
    void a_refusal_of_a_refused_option_is_not_answered_so_nothing_loops() throws Exception {
        decode(bytes(IAC, WILL, LINEMODE));
        assertThat(decode(bytes(IAC, WONT, LINEMODE, IAC, DONT, BINARY)).replies()).isEmpty();
    }

    @Test
    void switching_an_agreed_option_off_is_acknowledged_once() throws Exception {
        codec.start();
        decode(bytes(IAC, DO, ECHO));
        assertThat(decode(bytes(IAC, DONT, ECHO)).replies()).containsExactly(bytes(IAC, WONT, ECHO));
        assertThat(decode(bytes(IAC, DONT, ECHO)).replies()).isEmpty();
        assertThat(decode(bytes(IAC, WONT, ECHO)).replies()).isEmpty();
    }

    @Test
    void a_refused_request_settles_the_negotiation() throws Exception {
        codec.start();
        assertThat(codec.negotiationSettled()).isFalse();
        decode(bytes(IAC, WONT, TTYPE));
        assertThat(codec.negotiationSettled()).isFalse();
        decode(bytes(IAC, WILL, NAWS, IAC, SB, NAWS, 0, 80, 0, 24, IAC, SE));
        assertThat(codec.negotiationSettled()).isTrue();
    }

    @Test
    void every_option_on_either_side_keeps_a_state_of_its_own() throws Exception {
        codec.start();
        var offers = new ByteArrayOutputStream();
        var requests = new ByteArrayOutputStream();
        for (int option = 0; option < 256; option++) {
            offers.writeBytes(bytes(IAC, WILL, option));
            requests.writeBytes(bytes(IAC, DO, option));
        }
        var refusedOffers = new ByteArrayOutputStream();
        var refusedRequests = new ByteArrayOutputStream();
        for (int option = 0; option < 256; option++) {
            if (option != SGA && option != TTYPE && option != NAWS) refusedOffers.writeBytes(bytes(IAC, DONT, option));
            if (option != ECHO && option != SGA) refusedRequests.writeBytes(bytes(IAC, WONT, option));
        }
        var ttypeSend = bytes(IAC, SB, TTYPE, 1, IAC, SE);
        // first round: answers to what we asked for are not answered; the rest is refused, each option by itself
        assertThat(decode(offers.toByteArray()).replies()).containsExactly(
                concat(java.util.Arrays.copyOf(refusedOffers.toByteArray(), 3 * TTYPE - 3), ttypeSend,
                        java.util.Arrays.copyOfRange(refusedOffers.toByteArray(), 3 * TTYPE - 3, refusedOffers.size())));
        assertThat(decode(requests.toByteArray()).replies()).containsExactly(refusedRequests.toByteArray());
        // second round: agreed options stay agreed (no reply), refused ones are refused again, none changed its neighbour
        assertThat(decode(offers.toByteArray()).replies()).containsExactly(refusedOffers.toByteArray());
        assertThat(decode(requests.toByteArray()).replies()).containsExactly(refusedRequests.toByteArray());
        assertThat(decode(bytes(IAC, WONT, NAWS, IAC, DONT, ECHO)).replies()).containsExactly(bytes(IAC, DONT, NAWS, IAC, WONT, ECHO));
        assertThat(decode(bytes(IAC, WILL, 32, IAC, WILL, 30, IAC, WILL, SGA, IAC, DO, SGA)).replies())
                .containsExactly(bytes(IAC, DONT, 32, IAC, DONT, 30));
    }

    @Test
    void are_you_there_is_answered_and_erase_commands_become_editing_keys() throws Exception {
        var decoded = decode(concat(text("ab"), bytes(IAC, EC, IAC, AYT)));
        assertThat(decoded.data()).containsExactly(concat(text("ab"), bytes(8)));
        assertThat(new String(decoded.replies(), java.nio.charset.StandardCharsets.US_ASCII)).contains("[Yes]");
    }

    @Test
    void a_subnegotiation_over_the_limit_is_a_protocol_violation_and_the_codec_stays_failed() throws Exception {
        decode(concat(bytes(IAC, SB, TTYPE), new byte[TelnetCodec.MAX_SUBNEGOTIATION]));
        assertThatThrownBy(() -> decode(bytes(0))).isInstanceOf(ProtocolViolation.class)
                .hasMessageContaining("longer than 512");
        assertThatThrownBy(() -> decode(text("hello"))).isInstanceOf(ProtocolViolation.class);
    }

    @Test
    void a_subnegotiation_at_the_limit_is_fine() throws Exception {
        var decoded = decode(concat(bytes(IAC, SB, 99), new byte[TelnetCodec.MAX_SUBNEGOTIATION], bytes(IAC, SE), text("ok")));
        assertThat(decoded.data()).containsExactly(text("ok"));
    }

    @Test
    void byte_by_byte_decoding_gives_the_same_as_one_buffer() throws Exception {
        var input = concat(text("a\r"), bytes(IAC, WILL, TTYPE, IAC, DO, 5), text("\nb"), bytes(IAC, IAC),
                bytes(IAC, SB, NAWS, 0, 100, 0, 40, IAC, SE), bytes(IAC, SB, TTYPE, 0), text("ANSI"), bytes(IAC, SE),
                text("z\r\0"), bytes(IAC, DONT, ECHO));
        var whole = new TelnetCodec();
        whole.start();
        var single = new TelnetCodec();
        single.start();
        var expected = whole.decode(input, 0, input.length);
        var actual = decodeByteByByte(single, input);
        assertThat(actual.data()).containsExactly(expected.data());
        assertThat(actual.replies()).containsExactly(expected.replies());
        assertThat(actual.windowSize()).isEqualTo(expected.windowSize()).contains(new WindowSize(100, 40));
        assertThat(actual.terminalType()).isEqualTo(expected.terminalType()).contains("ansi");
        assertThat(actual.data()).containsExactly(concat(text("a\rb"), bytes(255), text("z\r")));
    }

    @Test
    void encoding_doubles_iac_and_keeps_nvt_line_ends() {
        var raw = concat(text("a\r\nb\nc\rd"), bytes(255));
        var encoded = TelnetCodec.encode(raw, 0, raw.length);
        assertThat(encoded).containsExactly(concat(text("a\r\nb\r\nc\r\0d"), bytes(255, 255)));
    }

    @Test
    void decoding_what_was_encoded_gives_the_data_back_with_line_ends_as_cr() throws Exception {
        var samples = List.of("plain", "two\r\nlines\n", "bare\rcr", "\u00ff\u00ff", "\r\r\n\n");
        var decodedTexts = new ArrayList<String>();
        for (var sample : samples) {
            var raw = text(sample);
            var wire = TelnetCodec.encode(raw, 0, raw.length);
            decodedTexts.add(new String(new TelnetCodec().decode(wire, 0, wire.length).data(),
                    java.nio.charset.StandardCharsets.ISO_8859_1));
        }
        assertThat(decodedTexts).containsExactly("plain", "two\rlines\r", "bare\rcr", "\u00ff\u00ff", "\r\r\r");
    }
}
