package dev.scrollback.application.mail;

import dev.scrollback.domain.mail.PrivateMessageId;
import java.util.List;
import java.util.Optional;

/**
 * One page of a mailbox, newest first. {@code unread}: how many messages in the caller's inbox they have not opened
 * (on every page, and in sent mail too, so any listing can show it). {@code next}: the cursor for the following page,
 * empty on the last one.
 */
public record MailPage(List<MailSummary> messages, int unread, Optional<PrivateMessageId> next) {
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    public MailPage {
        messages = List.copyOf(messages);
    }
}
