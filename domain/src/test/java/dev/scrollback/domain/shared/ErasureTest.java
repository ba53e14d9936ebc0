package dev.scrollback.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scrollback.domain.accounts.EmailAddress;
import dev.scrollback.domain.boards.MessageBody;
import dev.scrollback.domain.chat.ChatText;
import dev.scrollback.domain.chat.PageText;
import dev.scrollback.domain.mail.MailBody;
import dev.scrollback.domain.mail.MailSubject;
import org.junit.jupiter.api.Test;

/** The erased form of each personal value type (decision 0021): only the constants are erased, never typed text. */
class ErasureTest {
    @Test
    void each_personal_type_has_an_erased_constant_that_prints_the_mark() {
        assertThat(EmailAddress.ERASED.erased()).isTrue();
        assertThat(RemoteAddress.ERASED.erased()).isTrue();
        assertThat(ChatText.ERASED.erased()).isTrue();
        assertThat(PageText.ERASED.erased()).isTrue();
        assertThat(MailSubject.ERASED.erased()).isTrue();
        assertThat(MailBody.ERASED.erased()).isTrue();
        assertThat(MessageBody.ERASED.erased()).isTrue();
        assertThat(EmailAddress.ERASED.toString()).isEqualTo("(erased)");
        assertThat(RemoteAddress.ERASED.toString()).isEqualTo("(erased)");
    }

    @Test
    void a_caller_typing_the_mark_writes_an_ordinary_value_checked_as_usual() {
        var typed = new ChatText("(erased)");
        assertThat(typed.erased()).isFalse();
        assertThat(new MessageBody(new StringBuilder("(erased)").toString()).erased()).isFalse();
        assertThatThrownBy(() -> new EmailAddress("(erased)")).isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> new RemoteAddress("(erased)")).isInstanceOf(InvalidValue.class);
        assertThat(Erasure.is("(erased)")).isFalse();
    }

    @Test
    void ordinary_values_are_not_erased() {
        assertThat(new EmailAddress("alice@example.org").erased()).isFalse();
        assertThat(new RemoteAddress("192.0.2.7").erased()).isFalse();
    }
}
