package dev.scrollback.domain.mail;

import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.Handle;
import java.time.Instant;
import java.util.Optional;

/** Commands on one private message's stream ({@code mail-<uuid>}). */
public sealed interface PrivateMessageCommand {
    record Send(AccountId sender, Handle senderHandle, AccountId recipient, Handle recipientHandle, MailSubject subject,
                MailBody body, Optional<PrivateMessageId> inReplyTo, Instant at) implements PrivateMessageCommand {}

    /** {@code reader} opens the message: only its two parties may, and only the recipient's first opening is a receipt. */
    record Open(AccountId reader, Instant at) implements PrivateMessageCommand {}

    /** {@code owner} deletes their own copy. */
    record DeleteForMe(AccountId owner, Instant at) implements PrivateMessageCommand {}
}
