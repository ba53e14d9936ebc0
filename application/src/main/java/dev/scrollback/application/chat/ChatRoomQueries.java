package dev.scrollback.application.chat;

import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.shared.EventLog;
import dev.scrollback.domain.accounts.Role;
import dev.scrollback.domain.chat.ChatRoomId;
import dev.scrollback.domain.chat.RoomKind;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.util.List;

/** The rooms as callers browse them: the list from the projection, one room from its own stream. */
@Named
final class ChatRoomQueries implements ListChatRooms, ShowChatRoom {
    private final ChatRooms rooms;
    private final RoomViews views;

    @Inject
    ChatRoomQueries(EventLog log, ChatRooms rooms, Clock clock) {
        this.rooms = rooms;
        this.views = new RoomViews(log, rooms, clock);
    }

    @Override
    public List<RoomSummary> list(Caller caller) {
        var who = ChatCallers.participant(caller);
        var mine = rooms.roomsOf(caller.session());
        return rooms.rooms().stream()
                .filter(room -> room.kind() == RoomKind.PUBLIC || room.creator().equals(who.account())
                        || who.holds(Role.SYSOP) || rooms.isInvited(room.id(), who.account()))
                .map(room -> new RoomSummary(room, rooms.memberCount(room.id()), mine.contains(room.id())))
                .toList();
    }

    @Override
    public RoomView show(Caller caller, ChatRoomId room) {
        return views.show(caller, ChatCallers.participant(caller), room);
    }
}
