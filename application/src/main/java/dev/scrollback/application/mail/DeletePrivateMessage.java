package dev.scrollback.application.mail;

import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.domain.mail.PrivateMessageId;

/**
 * In-port: the caller deletes their copy of a message; the other party keeps theirs. Deleting again changes nothing;
 * a message that is not the caller's is {@code NoSuchMessage}.
 */
public interface DeletePrivateMessage {
    void delete(Caller caller, PrivateMessageId id, Origin origin);
}
