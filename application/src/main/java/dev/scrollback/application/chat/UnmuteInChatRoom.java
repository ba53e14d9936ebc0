package dev.scrollback.application.chat;

import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.domain.chat.ChatRoomId;
import dev.scrollback.domain.shared.Handle;

/**
 * In-port: lifts a running mute before it runs out ({@code ChatMemberUnmuted}); {@code false} when the caller was not
 * muted (and nothing was recorded). Who may: as for {@link MuteInChatRoom}.
 */
public interface UnmuteInChatRoom {
    boolean unmute(Caller caller, ChatRoomId room, Handle target, Origin origin);
}
