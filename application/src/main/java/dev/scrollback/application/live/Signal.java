package dev.scrollback.application.live;

import dev.scrollback.application.shared.Activity;
import dev.scrollback.domain.chat.ChatRoomId;
import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.Handle;
import dev.scrollback.domain.shared.SessionId;

/**
 * Something live that is not an event (issue 5 item 2): never appended to the log, never given a position, lost when
 * nobody is listening. Carried to clients as ephemeral frames.
 */
public sealed interface Signal {
    /** {@code handle} is typing in {@code room} (from {@code session}); clients show it for a few seconds. */
    record Typing(ChatRoomId room, AccountId account, Handle handle, SessionId session) implements Signal {}

    /** A presence heartbeat: what {@code handle} is doing now on {@code session} (who's online, live). */
    record Doing(SessionId session, Handle handle, Activity activity) implements Signal {}
}
