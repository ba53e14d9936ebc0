package dev.scrollback.application.mail;

import dev.scrollback.application.shared.StreamId;
import dev.scrollback.domain.mail.PrivateMessageId;

/** Where private mail lives: one stream per message, {@code mail-<uuid>}. */
public final class MailStreams {
    private MailStreams() {}

    public static StreamId message(PrivateMessageId id) {
        return StreamId.of("mail", id);
    }
}
