package dev.scrollback.application.chat;

import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.domain.chat.ChatRoomId;

/**
 * In-port: the caller's session says a line in a room it has joined ({@code ChatMessageSent}). {@code line} is what
 * they typed, read by {@link dev.scrollback.domain.chat.ChatLine#parse} on every channel alike: "/me waves" is an
 * action, "//x" says "/x". Refused: a session that has not joined ({@code NotJoined}), a muted caller ({@code Muted},
 * saying until when), a line that breaks the text rules ({@code InvalidValue}), and more than a burst of
 * ten lines, then one a second, per account ({@code RateLimited}).
 */
public interface SendChatMessage {
    ChatRooms.Line send(Caller caller, ChatRoomId room, String line, Origin origin);
}
