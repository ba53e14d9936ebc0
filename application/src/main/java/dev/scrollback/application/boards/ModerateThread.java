package dev.scrollback.application.boards;

import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.domain.boards.MessageId;
import dev.scrollback.domain.boards.ThreadId;

/**
 * In-port: moderators and sysops delete a message with a reason ({@code MessageDeleted}) and lock a thread
 * ({@code ThreadLocked}), each with themselves as actor; anyone else is {@code AccessDenied}.
 */
public interface ModerateThread {
    void delete(Caller moderator, ThreadId thread, MessageId message, String reason, Origin origin);

    /** {@code false} when it was locked already (and nothing was recorded). */
    boolean lock(Caller moderator, ThreadId thread, String reason, Origin origin);
}
