package dev.scrollback.application.chat;

import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.shared.Decision.Loaded;
import dev.scrollback.application.shared.EventLog;
import dev.scrollback.application.shared.RecordedEvent;
import dev.scrollback.application.shared.StreamId;
import dev.scrollback.domain.chat.ChatRejected.NoSuchRoom;
import dev.scrollback.domain.chat.ChatRejected;
import dev.scrollback.domain.chat.ChatRoomDecider;
import dev.scrollback.domain.chat.ChatRoomEvent;
import dev.scrollback.domain.chat.ChatRoomId;
import dev.scrollback.domain.chat.ChatRoomState;
import dev.scrollback.domain.chat.Participant;
import dev.scrollback.domain.chat.RoomKind;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * A room as {@link ShowChatRoom} shows it. What decides (may the caller see it, are they in it, are they muted) and the
 * last lines come from the room's stream, exact the moment after a join or a line; who else is in it comes from the
 * projection, which may lag by moments (the caller's own session is counted at once).
 */
final class RoomViews {
    /** How far back a first look for the last lines reads; rooms where people come and go more read further. */
    private static final int FIRST_WINDOW = 4 * ChatRooms.RECENT_LINES;

    private final EventLog log;
    private final ChatRooms rooms;
    private final Clock clock;

    RoomViews(EventLog log, ChatRooms rooms, Clock clock) {
        this.log = log;
        this.rooms = rooms;
        this.clock = clock;
    }

    /** The room, loaded; a room {@code who} may not enter is {@code NoSuchRoom}, like one that does not exist. */
    Loaded<ChatRoomState> enterable(ChatRoomId room, Participant who) {
        var loaded = Loaded.load(log, ChatStreams.room(room), new ChatRoomDecider(), ChatRoomEvent.class);
        if (!(loaded.state() instanceof ChatRoomState.Opened opened) || !opened.mayJoin(who)) {
            throw new ChatRejected(new NoSuchRoom());
        }
        return loaded;
    }

    ShowChatRoom.RoomView show(Caller caller, Participant who, ChatRoomId room) {
        var loaded = enterable(room, who);
        var opened = (ChatRoomState.Opened) loaded.state();
        var session = caller.session();
        boolean joined = opened.hasJoined(who.account(), session);
        var members = new ArrayList<>(rooms.members(room));
        if (joined && members.stream().noneMatch(m -> m.account().equals(who.account()))) {
            // the projection has not seen this join yet: the caller is in, and sees themselves
            members.add(new ChatRooms.Member(who.account(), who.handle(), 1, opened.members().get(session).since()));
        }
        return new ShowChatRoom.RoomView(ChatRooms.Room.of(opened.created()), members,
                lastLines(loaded.stream(), loaded.version()), joined, opened.mutedUntil(who.account(), clock.instant()),
                opened.kind() == RoomKind.PRIVATE && opened.mayInvite(who), opened.mayModerate(who));
    }

    /**
     * The last lines up to {@code version}, oldest first: read from the stream's end, further back each time until
     * enough are found or the stream's start is reached.
     */
    private List<ChatRooms.Line> lastLines(StreamId stream, long version) {
        long window = FIRST_WINDOW;
        while (true) {
            long after = Math.max(-1, version - window);
            var lines = log.readAfter(stream, after).stream()
                    .filter(recorded -> recorded.version() <= version)
                    .map(RecordedEvent::event)
                    .flatMap(event -> ChatRooms.Line.said(event).stream()).toList();
            if (lines.size() >= ChatRooms.RECENT_LINES || after < 0) {
                return List.copyOf(lines.subList(Math.max(0, lines.size() - ChatRooms.RECENT_LINES), lines.size()));
            }
            window *= 4;
        }
    }
}
