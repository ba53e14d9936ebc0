package dev.scrollback.application.boards;

import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.domain.boards.MessageBody;
import dev.scrollback.domain.boards.MessageId;
import dev.scrollback.domain.boards.ThreadId;

/** In-port: the author changes a message's body within the edit window ({@code MessageEdited}). */
public interface EditMessage {
    void edit(Caller caller, ThreadId thread, MessageId message, MessageBody body, Origin origin);
}
