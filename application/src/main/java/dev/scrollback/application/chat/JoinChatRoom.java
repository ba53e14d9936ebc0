package dev.scrollback.application.chat;

import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.domain.chat.ChatRoomId;

/**
 * In-port: the caller's session ({@link Caller#session()}: a telnet connection, or the web login) enters the room
 * ({@code ChatJoined}), and sees what {@link ShowChatRoom} shows, so it has the last lines at once. Joining again from
 * the same session records nothing. A private room takes its creator, its invitees and sysops; to anyone else it is
 * {@code NoSuchRoom}. Limited per account ({@code RateLimited}).
 */
public interface JoinChatRoom {
    ShowChatRoom.RoomView join(Caller caller, ChatRoomId room, Origin origin);
}
