package dev.scrollback.domain.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.domain.mail.MailRejected.AlreadySent;
import dev.scrollback.domain.mail.MailRejected.CannotMailYourself;
import dev.scrollback.domain.mail.MailRejected.NoSuchMessage;
import dev.scrollback.domain.mail.PrivateMessageCommand.DeleteForMe;
import dev.scrollback.domain.mail.PrivateMessageCommand.Open;
import dev.scrollback.domain.mail.PrivateMessageCommand.Send;
import dev.scrollback.domain.mail.PrivateMessageEvent.MailboxSide;
import dev.scrollback.domain.mail.PrivateMessageEvent.PrivateMessageDeleted;
import dev.scrollback.domain.mail.PrivateMessageEvent.PrivateMessageRead;
import dev.scrollback.domain.mail.PrivateMessageEvent.PrivateMessageSent;
import dev.scrollback.domain.mail.PrivateMessageState.Sent;
import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.DeciderSpec;
import dev.scrollback.domain.shared.Handle;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PrivateMessageDeciderTest {
    static final Instant T0 = Instant.parse("2025-03-01T20:00:00Z");
    static final PrivateMessageId ID = new PrivateMessageId(UUID.fromString("0190f5a2-7c3e-7a11-8f00-00000000beef"));
    static final AccountId ALICE = new AccountId(UUID.randomUUID());
    static final AccountId BOB = new AccountId(UUID.randomUUID());
    static final AccountId MALLORY = new AccountId(UUID.randomUUID());
    static final MailSubject SUBJECT = new MailSubject("Lunch?");
    static final MailBody BODY = new MailBody("Noon at the usual place.");
    static final PrivateMessageSent SENT = new PrivateMessageSent(ID, ALICE, new Handle("Alice"), BOB, new Handle("Bob"),
            SUBJECT, BODY, Optional.empty(), T0);

    DeciderSpec<PrivateMessageCommand, PrivateMessageState, PrivateMessageEvent> spec() {
        return new DeciderSpec<>(new PrivateMessageDecider(ID));
    }

    static Send send(AccountId from, AccountId to) {
        return new Send(from, new Handle("Alice"), to, new Handle("Bob"), SUBJECT, BODY, Optional.empty(), T0);
    }

    @Test
    void a_message_is_sent_once() {
        spec().when(send(ALICE, BOB)).then(SENT);
        spec().given(SENT).when(send(ALICE, BOB)).thenRejectedWith(new AlreadySent(ID));
    }

    @Test
    void nobody_mails_themselves() {
        spec().when(send(ALICE, ALICE)).thenRejectedWith(new CannotMailYourself());
    }

    @Test
    void the_recipients_first_opening_is_the_read_receipt_and_later_ones_record_nothing() {
        var read = new PrivateMessageRead(ID, BOB, T0.plusSeconds(60));
        spec().given(SENT).when(new Open(BOB, T0.plusSeconds(60))).then(read)
                .thenStateSatisfies(s -> assertThat(((Sent) s).readAt()).contains(T0.plusSeconds(60)));
        spec().given(SENT, read).when(new Open(BOB, T0.plusSeconds(120))).thenNothing()
                .thenStateSatisfies(s -> assertThat(((Sent) s).readAt()).contains(T0.plusSeconds(60)));
    }

    @Test
    void the_sender_opening_their_copy_is_no_receipt() {
        spec().given(SENT).when(new Open(ALICE, T0.plusSeconds(60))).thenNothing();
    }

    @Test
    void to_a_stranger_or_before_sending_there_is_no_such_message() {
        spec().given(SENT).when(new Open(MALLORY, T0)).thenRejectedWith(new NoSuchMessage(ID));
        spec().given(SENT).when(new DeleteForMe(MALLORY, T0)).thenRejectedWith(new NoSuchMessage(ID));
        spec().when(new Open(BOB, T0)).thenRejectedWith(new NoSuchMessage(ID));
        spec().when(new DeleteForMe(BOB, T0)).thenRejectedWith(new NoSuchMessage(ID));
    }

    @Test
    void each_party_deletes_their_own_copy_once_and_the_other_keeps_theirs() {
        var bobDeleted = new PrivateMessageDeleted(ID, BOB, MailboxSide.RECIPIENT, T0.plusSeconds(5));
        spec().given(SENT).when(new DeleteForMe(BOB, T0.plusSeconds(5))).then(bobDeleted);
        spec().given(SENT, bobDeleted).when(new DeleteForMe(BOB, T0.plusSeconds(6))).thenNothing();
        spec().given(SENT, bobDeleted).when(new Open(BOB, T0.plusSeconds(7))).thenRejectedWith(new NoSuchMessage(ID));
        spec().given(SENT, bobDeleted).when(new Open(ALICE, T0.plusSeconds(7))).thenNothing();
        spec().given(SENT, bobDeleted).when(new DeleteForMe(ALICE, T0.plusSeconds(8)))
                .then(new PrivateMessageDeleted(ID, ALICE, MailboxSide.SENDER, T0.plusSeconds(8)))
                .thenStateSatisfies(s -> {
                    assertThat(((Sent) s).sideOf(ALICE)).isEmpty();
                    assertThat(((Sent) s).sideOf(BOB)).isEmpty();
                });
    }

    @Test
    void a_message_deleted_unread_records_no_receipt_later() {
        var bobDeleted = new PrivateMessageDeleted(ID, BOB, MailboxSide.RECIPIENT, T0.plusSeconds(5));
        spec().given(SENT, bobDeleted).thenStateSatisfies(s -> assertThat(((Sent) s).readAt()).isEmpty());
    }
}
