package dev.scrollback.domain.mail;

import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.DomainEvent;
import dev.scrollback.domain.shared.Handle;
import java.time.Instant;
import java.util.Optional;

/** Facts about one private message, stored on stream {@code mail-<uuid>}. Names are a public contract (SPEC §3). */
public sealed interface PrivateMessageEvent extends DomainEvent {
    PrivateMessageId message();

    Instant at();

    /**
     * The sender (the actor) wrote to the recipient. Handles are kept as they were, so a mailbox reads without a
     * lookup; {@code inReplyTo} names the message this answers, if any. Subject and body are personal data.
     */
    record PrivateMessageSent(PrivateMessageId message, AccountId sender, Handle senderHandle, AccountId recipient,
                              Handle recipientHandle, MailSubject subject, MailBody body,
                              Optional<PrivateMessageId> inReplyTo, Instant at) implements PrivateMessageEvent {}

    /** The recipient (the actor) opened the message for the first time: the sender's read receipt. Recorded once. */
    record PrivateMessageRead(PrivateMessageId message, AccountId reader, Instant at) implements PrivateMessageEvent {}

    /**
     * One party deleted the message for themselves ({@code side} says whose copy): it is gone from their mailbox, and
     * stays in the other party's. Recorded once per side.
     */
    record PrivateMessageDeleted(PrivateMessageId message, AccountId deletedBy, MailboxSide side, Instant at)
            implements PrivateMessageEvent {}

    /** Whose copy of a message: the sender's (sent mail) or the recipient's (inbox). */
    enum MailboxSide {
        SENDER, RECIPIENT
    }
}
