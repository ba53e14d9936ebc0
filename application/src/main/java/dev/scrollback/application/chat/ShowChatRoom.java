package dev.scrollback.application.chat;

import dev.scrollback.application.accounts.Caller;
import dev.scrollback.domain.chat.ChatRoomId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * In-port: one room as someone who may enter it sees it: who is in it, and its last {@value ChatRooms#RECENT_LINES}
 * lines, read from the room's own stream (so a line said a moment ago is there). A private room the caller may not
 * enter is {@code NoSuchRoom}, like one that does not exist.
 */
public interface ShowChatRoom {
    RoomView show(Caller caller, ChatRoomId room);

    /**
     * {@code joined}: the caller's own session is in the room; {@code mutedUntil}: the caller is muted here until then;
     * {@code mayInvite}, {@code mayModerate}: what the caller may do here (invite: private rooms only).
     */
    record RoomView(ChatRooms.Room room, List<ChatRooms.Member> members, List<ChatRooms.Line> lines, boolean joined,
                    Optional<Instant> mutedUntil, boolean mayInvite, boolean mayModerate) {
        public RoomView {
            members = List.copyOf(members);
            lines = List.copyOf(lines);
        }
    }
}
