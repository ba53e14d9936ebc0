package dev.scrollback.application.chat;

import dev.scrollback.application.accounts.Caller;
import java.util.List;

/**
 * In-port: the rooms the caller may enter, by name: every public room, and the private rooms they created, were
 * invited into, or (as a sysop) may enter anyway; each with how many callers are in it and whether the caller's own
 * session is. Read from the projection: a room opened a moment ago on another server shows up within moments.
 */
public interface ListChatRooms {
    List<RoomSummary> list(Caller caller);

    /** {@code members}: callers in the room (each once, however many sessions); {@code joined}: this session is in it. */
    record RoomSummary(ChatRooms.Room room, int members, boolean joined) {}
}
