package dev.scrollback.application.mail;

import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.domain.mail.MailBody;
import dev.scrollback.domain.mail.MailSubject;
import dev.scrollback.domain.mail.PrivateMessageEvent.MailboxSide;
import dev.scrollback.domain.mail.PrivateMessageId;
import dev.scrollback.domain.shared.Handle;
import java.time.Instant;
import java.util.Optional;

/**
 * In-port: the caller opens one message, read from its stream (never stale). The recipient's first opening records
 * {@code PrivateMessageRead}, the sender's receipt. Anyone but its two parties, and a party who deleted their copy,
 * is told there is no such message ({@code NoSuchMessage}), the same as for an id that was never used.
 */
public interface ReadPrivateMessage {
    OpenedMessage read(Caller caller, PrivateMessageId id, Origin origin);

    /** {@code side}: whose copy the caller holds (RECIPIENT for the inbox, SENDER for sent mail). */
    record OpenedMessage(PrivateMessageId id, Handle from, Handle to, MailSubject subject, MailBody body, Instant sentAt,
                         Optional<Instant> readAt, Optional<PrivateMessageId> inReplyTo, MailboxSide side) {}
}
