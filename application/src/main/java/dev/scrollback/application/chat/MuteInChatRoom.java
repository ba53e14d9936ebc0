package dev.scrollback.application.chat;

import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.domain.chat.ChatRoomId;
import dev.scrollback.domain.shared.Handle;
import java.time.Duration;
import java.time.Instant;

/**
 * In-port: the room's creator, a moderator or a sysop silences a caller in the room for {@code length} (a minute to a
 * week), saying why ({@code ChatMemberMuted}); muting again sets a new end. Returns when the mute runs out. The muted
 * caller still joins and reads; their lines are refused until then. Ranks as for {@link KickFromChatRoom}.
 */
public interface MuteInChatRoom {
    Instant mute(Caller caller, ChatRoomId room, Handle target, Duration length, String reason, Origin origin);
}
