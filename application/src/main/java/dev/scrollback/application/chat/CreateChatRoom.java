package dev.scrollback.application.chat;

import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.domain.chat.ChatRoomId;
import dev.scrollback.domain.chat.ChatTopic;
import dev.scrollback.domain.chat.RoomKind;
import dev.scrollback.domain.chat.RoomName;
import java.util.Optional;

/**
 * In-port: open a chat room ({@code ChatRoomCreated}, the caller as actor). A public room needs a moderator or sysop,
 * a private one any member ({@code NotAllowed}); a name another room has (compared without case or width) is {@code
 * RoomNameTaken}. Limited per account ({@code RateLimited}). Creating does not join: the caller joins next.
 */
public interface CreateChatRoom {
    ChatRoomId create(Caller caller, RoomName name, RoomKind kind, Optional<ChatTopic> topic, Origin origin);
}
