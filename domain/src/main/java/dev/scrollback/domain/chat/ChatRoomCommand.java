package dev.scrollback.domain.chat;

import dev.scrollback.domain.shared.InvalidValue;
import dev.scrollback.domain.shared.PluginName;
import dev.scrollback.domain.shared.SessionId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Commands on one chat room's stream ({@code chatroom-<uuid>}). */
public sealed interface ChatRoomCommand {
    Instant at();

    /** The longest a moderator may mute someone for at once. */
    Duration LONGEST_MUTE = Duration.ofDays(7);

    /** {@code by} opens the room: a public one needs a moderator or sysop, a private one any member. */
    record Create(ChatRoomId room, RoomName name, RoomKind kind, Optional<ChatTopic> topic, Participant by, Instant at)
            implements ChatRoomCommand {}

    /** The creator (or a sysop) lets {@code invitee} into a private room. */
    record Invite(Participant by, Participant invitee, Instant at) implements ChatRoomCommand {}

    /** {@code session} of {@code who} enters the room. */
    record Join(Participant who, SessionId session, Instant at) implements ChatRoomCommand {}

    /** {@code session} of {@code who} leaves the room. */
    record Leave(Participant who, SessionId session, Instant at) implements ChatRoomCommand {}

    /** {@code session} of {@code who} says (or does) {@code line}. */
    record Say(Participant who, SessionId session, ChatLine line, Instant at) implements ChatRoomCommand {}

    /** The plugin {@code plugin} says {@code text} as itself; only in a public room (a private one is its members'). */
    record SayAsPlugin(PluginName plugin, ChatText text, Instant at) implements ChatRoomCommand {}

    /** {@code by} puts every session of {@code target} out of the room, saying why. */
    record Kick(Participant by, Participant target, String reason, Instant at) implements ChatRoomCommand {
        public Kick {
            reason = ChatTextRules.oneLine("reason", reason, 200);
        }
    }

    /** {@code by} silences {@code target} in the room for {@code length} (a minute to {@link #LONGEST_MUTE}). */
    record Mute(Participant by, Participant target, Duration length, String reason, Instant at) implements ChatRoomCommand {
        public Mute {
            if (length == null || length.compareTo(Duration.ofMinutes(1)) < 0 || length.compareTo(LONGEST_MUTE) > 0) {
                throw new InvalidValue("minutes", "must be from 1 to " + LONGEST_MUTE.toMinutes());
            }
            reason = ChatTextRules.oneLine("reason", reason, 200);
        }

        public Instant until() {
            return at.plus(length);
        }
    }

    /** {@code by} lifts {@code target}'s mute. */
    record Unmute(Participant by, Participant target, Instant at) implements ChatRoomCommand {}
}
