package dev.scrollback.domain.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scrollback.domain.shared.InvalidValue;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MailValuesTest {

    @Test
    void a_subject_is_one_stripped_line_of_at_most_120_characters() {
        assertThat(new MailSubject("  Lunch?  ").value()).isEqualTo("Lunch?");
        assertThat(new MailSubject("é".repeat(120)).value()).hasSize(120);
        for (var bad : new String[] {"", "   ", "a".repeat(121), "two\nlines", "bell\u0007", "esc\u001b[2J", "x".repeat(10_000),
                "evil\u202Etxt.exe", "nel\u0085"}) {
            assertThatThrownBy(() -> new MailSubject(bad)).as(bad.length() > 40 ? "long" : bad).isInstanceOf(InvalidValue.class)
                    .extracting(e -> ((InvalidValue) e).field()).isEqualTo("subject");
        }
        assertThatThrownBy(() -> new MailSubject(null)).isInstanceOf(InvalidValue.class);
    }

    @Test
    void a_reply_subject_says_re_once_and_still_fits() {
        assertThat(new MailSubject("Lunch?").reply().value()).isEqualTo("Re: Lunch?");
        assertThat(new MailSubject("Re: Lunch?").reply().value()).isEqualTo("Re: Lunch?");
        assertThat(new MailSubject("RE:Lunch?").reply().value()).isEqualTo("RE:Lunch?");
        assertThat(new MailSubject("x".repeat(120)).reply().value()).hasSize(120).startsWith("Re: ");
    }

    @Test
    void a_body_keeps_lines_and_tabs_with_line_ends_as_newlines() {
        var body = new MailBody("first\r\nsecond\rthird\n\tindented  \n\n\n");
        assertThat(body.value()).isEqualTo("first\nsecond\nthird\n\tindented");
        assertThat(body.lines()).containsExactly("first", "second", "third", "\tindented");
        assertThat(body.quoted()).isEqualTo("> first\n> second\n> third\n> \tindented\n");
    }

    @Test
    void a_body_refuses_emptiness_control_characters_and_excess() {
        assertThat(new MailBody("a".repeat(MailBody.MAX_CHARACTERS)).value()).hasSize(MailBody.MAX_CHARACTERS);
        assertThat(new MailBody("a\r\n".repeat(999)).lines()).hasSize(999);
        for (var bad : new String[] {"", " \n\t\r\n", "a".repeat(MailBody.MAX_CHARACTERS + 1), "x".repeat(10_000_000),
                "\u001b[2Jgotcha", "nul\u0000", "del\u007f", "c1\u009b", "ls\u2028x", "bidi\u2066x\u2069", "lone\ud800",
                "a\n".repeat(MailBody.MAX_LINES) + "a"}) {
            assertThatThrownBy(() -> new MailBody(bad)).as(bad.length() > 40 ? "long " + bad.length() : bad).isInstanceOf(InvalidValue.class)
                    .extracting(e -> ((InvalidValue) e).field()).isEqualTo("body");
        }
        assertThatThrownBy(() -> new MailBody(null)).isInstanceOf(InvalidValue.class);
    }

    @Test
    void a_message_id_reads_only_the_canonical_form() {
        var id = UUID.randomUUID();
        assertThat(PrivateMessageId.parse(id.toString()).value()).isEqualTo(id);
        for (var bad : new String[] {"", "1-2-3-4-5", "not-an-id", id + "0", "x".repeat(5000)}) {
            assertThatThrownBy(() -> PrivateMessageId.parse(bad)).isInstanceOf(InvalidValue.class);
        }
        assertThatThrownBy(() -> PrivateMessageId.parse(null)).isInstanceOf(InvalidValue.class);
    }
}
