package dev.scrollback.application.mail;

import dev.scrollback.application.accounts.Caller;
import dev.scrollback.domain.mail.PrivateMessageId;
import java.util.Optional;

/** In-port: what the caller sent, newest first, with read receipts; paged and guarded as {@link ReadInbox}. */
public interface ReadSentMail {
    MailPage sent(Caller caller, Optional<PrivateMessageId> after, int limit);
}
