package dev.scrollback.domain.mail;

import dev.scrollback.domain.mail.PrivateMessageEvent.MailboxSide;
import dev.scrollback.domain.mail.PrivateMessageEvent.PrivateMessageSent;
import dev.scrollback.domain.shared.AccountId;
import java.time.Instant;
import java.util.Optional;

/** The lifecycle of one private message. */
public sealed interface PrivateMessageState {
    record Unsent() implements PrivateMessageState {}

    /** {@code readAt}: when the recipient first opened it; the two flags say whose copies are deleted. */
    record Sent(PrivateMessageSent sent, Optional<Instant> readAt, boolean deletedBySender, boolean deletedByRecipient)
            implements PrivateMessageState {

        /** Which copy {@code account} holds, if they still hold one: none for a stranger or after deleting it. */
        public Optional<MailboxSide> sideOf(AccountId account) {
            if (account.equals(sent.recipient()) && !deletedByRecipient) return Optional.of(MailboxSide.RECIPIENT);
            if (account.equals(sent.sender()) && !deletedBySender) return Optional.of(MailboxSide.SENDER);
            return Optional.empty();
        }

        Sent read(Instant at) {
            return readAt.isPresent() ? this : new Sent(sent, Optional.of(at), deletedBySender, deletedByRecipient);
        }

        Sent deletedFor(MailboxSide side) {
            return switch (side) {
                case SENDER -> new Sent(sent, readAt, true, deletedByRecipient);
                case RECIPIENT -> new Sent(sent, readAt, deletedBySender, true);
            };
        }
    }
}
