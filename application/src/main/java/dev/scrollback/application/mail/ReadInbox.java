package dev.scrollback.application.mail;

import dev.scrollback.application.accounts.Caller;
import dev.scrollback.domain.mail.PrivateMessageId;
import java.util.Optional;

/**
 * In-port: the caller's inbox, newest first, {@code limit} (1 to {@link MailPage#MAX_LIMIT}) at a time after the
 * cursor {@code after} (a message of this listing, from {@link MailPage#next()}), with the unread count. Messages the
 * caller deleted are gone. Members and sysops, interactive login only. Read from a projection: a message sent on
 * another server shows up within moments, one sent or read here at once.
 */
public interface ReadInbox {
    MailPage inbox(Caller caller, Optional<PrivateMessageId> after, int limit);
}
