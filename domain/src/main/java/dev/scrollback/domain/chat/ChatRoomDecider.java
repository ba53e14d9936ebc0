package dev.scrollback.domain.chat;

import dev.scrollback.domain.accounts.Role;
import dev.scrollback.domain.chat.ChatRejected.CannotTargetYourself;
import dev.scrollback.domain.chat.ChatRejected.Muted;
import dev.scrollback.domain.chat.ChatRejected.NoSuchRoom;
import dev.scrollback.domain.chat.ChatRejected.NotAllowed;
import dev.scrollback.domain.chat.ChatRejected.NotInRoom;
import dev.scrollback.domain.chat.ChatRejected.NotJoined;
import dev.scrollback.domain.chat.ChatRejected.Outranked;
import dev.scrollback.domain.chat.ChatRejected.RoomExists;
import dev.scrollback.domain.chat.ChatRejected.RoomIsPublic;
import dev.scrollback.domain.chat.ChatRoomCommand.Create;
import dev.scrollback.domain.chat.ChatRoomCommand.Invite;
import dev.scrollback.domain.chat.ChatRoomCommand.Join;
import dev.scrollback.domain.chat.ChatRoomCommand.Kick;
import dev.scrollback.domain.chat.ChatRoomCommand.Leave;
import dev.scrollback.domain.chat.ChatRoomCommand.Mute;
import dev.scrollback.domain.chat.ChatRoomCommand.Say;
import dev.scrollback.domain.chat.ChatRoomCommand.SayAsPlugin;
import dev.scrollback.domain.chat.ChatRoomCommand.Unmute;
import dev.scrollback.domain.chat.ChatRoomEvent.ChatInvited;
import dev.scrollback.domain.chat.ChatRoomEvent.ChatJoined;
import dev.scrollback.domain.chat.ChatRoomEvent.ChatLeft;
import dev.scrollback.domain.chat.ChatRoomEvent.ChatMemberMuted;
import dev.scrollback.domain.chat.ChatRoomEvent.ChatMemberUnmuted;
import dev.scrollback.domain.chat.ChatRoomEvent.ChatMessageSent;
import dev.scrollback.domain.chat.ChatRoomEvent.ChatPluginMessageSent;
import dev.scrollback.domain.chat.ChatRoomEvent.ChatRoomCreated;
import dev.scrollback.domain.chat.ChatRoomEvent.ChatRoomNameClaimed;
import dev.scrollback.domain.chat.ChatRoomEvent.LeaveReason;
import dev.scrollback.domain.chat.ChatRoomState.Member;
import dev.scrollback.domain.chat.ChatRoomState.Opened;
import dev.scrollback.domain.chat.ChatRoomState.Unopened;
import dev.scrollback.domain.shared.Decider;
import dev.scrollback.domain.shared.SessionId;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One chat room on its own stream ({@code chatroom-<uuid>}). Public rooms are opened by moderators and sysops, private
 * ones by any member, who then invites others; to anyone who may not join a private room it does not exist. Sessions
 * join and leave, and only a joined session speaks, unless its account is muted. The room's creator, moderators and
 * sysops kick (every session of the account, with a reason) and mute (until a time, with a reason), each only those who
 * rank below them.
 *
 * <p>Joining twice, leaving when not there, inviting someone invited and unmuting someone not muted record nothing, so
 * a retried request is harmless.
 */
public final class ChatRoomDecider implements Decider<ChatRoomCommand, ChatRoomState, ChatRoomEvent> {

    @Override
    public ChatRoomState initialState() {
        return new Unopened();
    }

    @Override
    public List<ChatRoomEvent> decide(ChatRoomCommand command, ChatRoomState state) {
        return switch (state) {
            case Unopened u -> switch (command) {
                case Create c -> create(c);
                default -> throw rejected(new NoSuchRoom());
            };
            case Opened room -> decide(command, room);
        };
    }

    private static List<ChatRoomEvent> create(Create c) {
        var mayOpen = switch (c.kind()) {
            case PUBLIC -> c.by().holds(Role.MODERATOR) || c.by().holds(Role.SYSOP);
            case PRIVATE -> c.by().holds(Role.MEMBER) || c.by().holds(Role.SYSOP);
        };
        if (!mayOpen) throw rejected(new NotAllowed("open a " + c.kind().wireName() + " room"));
        return List.of(new ChatRoomCreated(c.room(), c.name(), c.kind(), c.topic(), c.by().account(), c.by().handle(), c.at()));
    }

    private static List<ChatRoomEvent> decide(ChatRoomCommand command, Opened room) {
        return switch (command) {
            case Create c -> throw rejected(new RoomExists());
            case Invite i -> invite(i, room);
            case Join j -> {
                visible(room, j.who());
                if (room.members().containsKey(j.session())) yield List.of();
                yield List.of(new ChatJoined(room.room(), j.who().account(), j.who().handle(), j.session(), j.at()));
            }
            case Leave l -> room.hasJoined(l.who().account(), l.session())
                    ? List.of(left(room, l.session(), LeaveReason.LEFT, Optional.empty(), Optional.empty(), l.at()))
                    : List.of();
            case Say s -> {
                if (!room.hasJoined(s.who().account(), s.session())) throw rejected(new NotJoined());
                var muted = room.mutedUntil(s.who().account(), s.at());
                if (muted.isPresent()) throw rejected(new Muted(muted.get()));
                yield List.of(new ChatMessageSent(room.room(), s.who().account(), s.who().handle(), s.session(),
                        s.line().kind(), s.line().text(), s.at()));
            }
            case SayAsPlugin p -> {
                if (room.kind() != RoomKind.PUBLIC) throw rejected(new NoSuchRoom());
                yield List.of(new ChatPluginMessageSent(room.room(), p.plugin(), p.text(), p.at()));
            }
            case Kick k -> {
                moderating(room, k.by(), k.target(), "kick");
                var sessions = room.sessionsOf(k.target().account());
                if (sessions.isEmpty()) throw rejected(new NotInRoom(k.target().handle()));
                yield sessions.stream().<ChatRoomEvent>map(session -> left(room, session, LeaveReason.KICKED, Optional.of(k.by()),
                        Optional.of(k.reason()), k.at())).toList();
            }
            case Mute m -> {
                moderating(room, m.by(), m.target(), "mute");
                yield List.of(new ChatMemberMuted(room.room(), m.target().account(), m.target().handle(), m.until(),
                        m.reason(), m.by().account(), m.by().handle(), m.at()));
            }
            case Unmute u -> {
                moderating(room, u.by(), u.target(), "unmute");
                yield room.mutedUntil(u.target().account(), u.at()).isEmpty()
                        ? List.of()
                        : List.of(new ChatMemberUnmuted(room.room(), u.target().account(), u.target().handle(),
                                u.by().account(), u.by().handle(), u.at()));
            }
        };
    }

    private static List<ChatRoomEvent> invite(Invite i, Opened room) {
        visible(room, i.by());
        if (room.kind() == RoomKind.PUBLIC) throw rejected(new RoomIsPublic());
        if (!room.mayInvite(i.by())) throw rejected(new NotAllowed("invite to this room"));
        if (i.invitee().account().equals(i.by().account())) throw rejected(new CannotTargetYourself());
        if (room.isCreator(i.invitee().account()) || room.invited().contains(i.invitee().account())) return List.of();
        return List.of(new ChatInvited(room.room(), i.invitee().account(), i.invitee().handle(), i.by().account(), i.at()));
    }

    /** A private room is hidden from whoever may not join it: they are told there is no such room. */
    private static void visible(Opened room, Participant who) {
        if (!room.mayJoin(who)) throw rejected(new NoSuchRoom());
    }

    private static void moderating(Opened room, Participant by, Participant target, String what) {
        visible(room, by);
        if (by.account().equals(target.account())) throw rejected(new CannotTargetYourself());
        if (room.rank(by) == 0) throw rejected(new NotAllowed(what + " in this room"));
        if (room.rank(target) >= room.rank(by)) throw rejected(new Outranked(target.handle()));
    }

    private static ChatLeft left(Opened room, SessionId session, LeaveReason reason,
                                 Optional<Participant> by, Optional<String> note, Instant at) {
        var member = room.members().get(session);
        return new ChatLeft(room.room(), member.account(), member.handle(), session, reason, by.map(Participant::account),
                by.map(Participant::handle), note, at);
    }

    private static ChatRejected rejected(ChatRejected.Reason reason) {
        return new ChatRejected(reason);
    }

    @Override
    public ChatRoomState evolve(ChatRoomState state, ChatRoomEvent event) {
        return switch (state) {
            case Unopened u -> event instanceof ChatRoomCreated created
                    ? new Opened(created, new HashSet<>(), Map.of(), Map.of())
                    : u;
            case Opened room -> switch (event) {
                case ChatRoomNameClaimed e -> room;
                case ChatRoomCreated e -> room;                           // cannot recur on one stream
                case ChatInvited e -> room.withInvited(e.account());
                case ChatJoined e -> room.withMember(e.session(), new Member(e.account(), e.handle(), e.at()));
                case ChatLeft e -> room.without(e.session());
                case ChatMessageSent e -> room;
                case ChatPluginMessageSent e -> room;
                case ChatMemberMuted e -> room.withMute(e.account(), Optional.of(e.until()));
                case ChatMemberUnmuted e -> room.withMute(e.account(), Optional.empty());
            };
        };
    }
}
