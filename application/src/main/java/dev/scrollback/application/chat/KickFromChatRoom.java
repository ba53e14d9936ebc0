package dev.scrollback.application.chat;

import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.domain.chat.ChatRoomId;
import dev.scrollback.domain.shared.Handle;

/**
 * In-port: the room's creator, a moderator or a sysop puts every session of a caller out of the room, saying why
 * ({@code ChatLeft}, reason kicked, one per session). Returns how many sessions went. Only those who rank below the
 * kicker (sysop, then moderator, then the creator) can be kicked ({@code Outranked}); someone not in the room is
 * {@code NotInRoom}. A kicked caller may join again: a mute is what keeps them quiet.
 */
public interface KickFromChatRoom {
    int kick(Caller caller, ChatRoomId room, Handle target, String reason, Origin origin);
}
