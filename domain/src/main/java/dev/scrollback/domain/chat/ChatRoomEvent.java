package dev.scrollback.domain.chat;

import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.Handle;
import dev.scrollback.domain.shared.PluginName;
import dev.scrollback.domain.shared.SessionId;
import java.time.Instant;
import java.util.Optional;

/**
 * Facts about one chat room, stored on stream {@code chatroom-<uuid>} (the name claim on its own stream). Names are a
 * public contract (SPEC §3). Membership is per session: a caller on telnet and on the web at once is in a room twice.
 * Handles are kept as they were, so a transcript reads without a lookup.
 */
public sealed interface ChatRoomEvent extends ChatEvent {
    ChatRoomId room();

    Instant at();

    /**
     * The room's name is taken, on the name's own stream ({@code chatroomname-<digest of the name's key>}), appended in
     * the same transaction as {@link ChatRoomCreated}: two rooms never share a name, however close the two creates.
     */
    record ChatRoomNameClaimed(ChatRoomId room, RoomName name, Instant at) implements ChatRoomEvent {}

    /** {@code creator} (the actor) opened the room: anyone may join a public one, only invitees a private one. */
    record ChatRoomCreated(ChatRoomId room, RoomName name, RoomKind kind, Optional<ChatTopic> topic, AccountId creator,
                           Handle creatorHandle, Instant at) implements ChatRoomEvent {}

    /** {@code by} (the actor, the creator or a sysop) invited {@code account} into a private room. */
    record ChatInvited(ChatRoomId room, AccountId account, Handle handle, AccountId by, Instant at) implements ChatRoomEvent {}

    /** One session of {@code account} entered the room. */
    record ChatJoined(ChatRoomId room, AccountId account, Handle handle, SessionId session, Instant at)
            implements ChatRoomEvent {}

    /**
     * One session of {@code account} is out of the room: it left ({@code by} and {@code note} empty), or a moderator
     * ({@code by}, the actor) kicked it out, saying why in {@code note}. A kick removes every session of the account.
     */
    record ChatLeft(ChatRoomId room, AccountId account, Handle handle, SessionId session, LeaveReason reason,
                    Optional<AccountId> by, Optional<Handle> byHandle, Optional<String> note, Instant at)
            implements ChatRoomEvent {}

    /** A joined session of {@code account} said {@code text} (or did it, for an action). {@code text} is personal data. */
    record ChatMessageSent(ChatRoomId room, AccountId account, Handle handle, SessionId session, LineKind kind,
                           ChatText text, Instant at) implements ChatRoomEvent {}

    /**
     * A plugin (the actor) said {@code text} in a public room through its {@code post_message} permission: no session,
     * no account — the plugin speaks as itself. {@code text} is free text like any line (it may quote a caller's).
     */
    record ChatPluginMessageSent(ChatRoomId room, PluginName plugin, ChatText text, Instant at) implements ChatRoomEvent {}

    /** {@code by} (the actor) silenced {@code account} in this room until {@code until}, saying why. */
    record ChatMemberMuted(ChatRoomId room, AccountId account, Handle handle, Instant until, String reason, AccountId by,
                           Handle byHandle, Instant at) implements ChatRoomEvent {}

    /** {@code by} (the actor) lifted the mute on {@code account} before it ran out. */
    record ChatMemberUnmuted(ChatRoomId room, AccountId account, Handle handle, AccountId by, Handle byHandle, Instant at)
            implements ChatRoomEvent {}

    /** Why a session is out of a room. */
    enum LeaveReason {
        LEFT, KICKED;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
