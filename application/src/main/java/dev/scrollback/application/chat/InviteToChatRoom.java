package dev.scrollback.application.chat;

import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.domain.chat.ChatRoomId;
import dev.scrollback.domain.shared.Handle;

/**
 * In-port: the creator of a private room (or a sysop) invites a member by handle ({@code ChatInvited}); the invitee
 * may then join. {@code false} when they were invited already. Refused: a public room ({@code RoomIsPublic}), anyone
 * else inviting ({@code NotAllowed}), a handle no member holds ({@code UnknownCaller}), oneself.
 */
public interface InviteToChatRoom {
    boolean invite(Caller caller, ChatRoomId room, Handle invitee, Origin origin);
}
