package dev.scrollback.application.chat;

import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.domain.chat.ChatRoomId;

/**
 * In-port: the caller's session leaves the room ({@code ChatLeft}, reason left). {@code false} when it was not in it
 * (and nothing was recorded). A channel calls this when its caller leaves the chat, and should when the connection
 * closes; an ended session is out of every room anyway (the projection drops it on {@code SessionEnded}).
 */
public interface LeaveChatRoom {
    boolean leave(Caller caller, ChatRoomId room, Origin origin);
}
