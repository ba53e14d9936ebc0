package dev.scrollback.application.mail;

import dev.scrollback.domain.mail.MailSubject;
import dev.scrollback.domain.mail.PrivateMessageId;
import dev.scrollback.domain.shared.Handle;
import java.time.Instant;
import java.util.Optional;

/**
 * One line of a mailbox listing (no body: reading one loads it). {@code read}: whether the recipient has opened it, so
 * in the inbox "have I read it", in sent mail the read receipt.
 */
public record MailSummary(PrivateMessageId id, Handle from, Handle to, MailSubject subject, Instant sentAt, boolean read,
                          Optional<PrivateMessageId> inReplyTo) {}
