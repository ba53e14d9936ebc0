package dev.scrollback.application.live;

import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.chat.ChatRooms;
import dev.scrollback.application.chat.ChatStreams;
import dev.scrollback.application.shared.Decision;
import dev.scrollback.application.shared.EventLog;
import dev.scrollback.domain.chat.ChatRoomDecider;
import dev.scrollback.domain.chat.ChatRoomEvent;
import dev.scrollback.domain.chat.ChatRoomState;
import dev.scrollback.domain.chat.ChatRoomId;
import dev.scrollback.domain.shared.SessionId;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Typing indicators (issue 5 item 1): live, but not events. A session in a room says it is typing; everyone else in
 * the room hears it as a {@link Signal.Typing} on the {@link SignalBus}, at most once per {@link #EVERY} per session.
 */
@Named
public final class TypingSignals {
    public static final Duration EVERY = Duration.ofSeconds(2);
    private static final int REMEMBERED = 50_000;

    public enum Outcome { SENT, TOO_SOON, NOT_IN_ROOM }

    private final SignalBus bus;
    private final ChatRooms rooms;
    private final EventLog log;
    private final Clock clock;
    private final Map<SessionId, Instant> lastSaid = new ConcurrentHashMap<>();

    @Inject
    public TypingSignals(SignalBus bus, ChatRooms rooms, EventLog log, Clock clock) {
        this.bus = bus;
        this.rooms = rooms;
        this.log = log;
        this.clock = clock;
    }

    /** The caller's session is typing in {@code room}. */
    public Outcome typing(Caller caller, ChatRoomId room) {
        var session = caller.sessionIfAny();
        if (session.isEmpty() || !inRoom(caller, session.get(), room)) return Outcome.NOT_IN_ROOM;
        var now = clock.instant();
        var previous = lastSaid.get(session.get());
        if (previous != null && now.isBefore(previous.plus(EVERY))) return Outcome.TOO_SOON;
        if (lastSaid.size() >= REMEMBERED) lastSaid.values().removeIf(at -> now.isAfter(at.plus(EVERY)));
        lastSaid.put(session.get(), now);
        bus.publish(new Signal.Typing(room, caller.account(), caller.handle(), session.get()));
        return Outcome.SENT;
    }

    /**
     * Whether the live connection of {@code viewer}, with its {@code interest}, should hear {@code signal}: someone else
     * typing in a room the viewer is in — as that connection knows it, so a client that has been sent its own
     * {@code ChatJoined} hears the room's typing whether or not the projection has applied the join yet; what anyone
     * else is doing (who's online is public).
     */
    public boolean concerns(Caller viewer, LiveInterests.CallerInterest interest, Signal signal) {
        return switch (signal) {
            case Signal.Typing typing -> !viewer.sessionIfAny().filter(typing.session()::equals).isPresent()
                    && interest.isIn(typing.room());
            case Signal.Doing doing -> !viewer.sessionIfAny().filter(doing.session()::equals).isPresent();
        };
    }

    /**
     * From the projection, or — when it says no, since it may not have seen a join made a moment ago — from the room's
     * stream, which is exact (one typing signal per session every {@link #EVERY} at most, so this is rare and cheap).
     */
    private boolean inRoom(Caller caller, SessionId session, ChatRoomId room) {
        if (rooms.roomsOf(session).contains(room)) return true;
        var loaded = Decision.Loaded.load(log, ChatStreams.room(room), new ChatRoomDecider(), ChatRoomEvent.class);
        return loaded.state() instanceof ChatRoomState.Opened opened && opened.hasJoined(caller.account(), session);
    }

    public EventLog.Subscription listen(Consumer<Signal> listener) {
        return bus.listen(listener);
    }
}
