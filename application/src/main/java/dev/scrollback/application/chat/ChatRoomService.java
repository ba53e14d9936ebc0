package dev.scrollback.application.chat;

import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.shared.Decision;
import dev.scrollback.application.shared.EventLog;
import dev.scrollback.application.shared.EventMetadata;
import dev.scrollback.application.shared.ExpectedVersion;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.application.shared.RateLimiter;
import dev.scrollback.application.shared.RateLimiter.Limit;
import dev.scrollback.application.shared.Retried;
import dev.scrollback.application.shared.StreamAppend;
import dev.scrollback.application.shared.UuidV7;
import dev.scrollback.domain.chat.ChatLine;
import dev.scrollback.domain.chat.ChatRejected;
import dev.scrollback.domain.chat.ChatRejected.RoomNameTaken;
import dev.scrollback.domain.chat.ChatRoomCommand;
import dev.scrollback.domain.chat.ChatRoomDecider;
import dev.scrollback.domain.chat.ChatRoomEvent;
import dev.scrollback.domain.chat.ChatRoomEvent.ChatMemberMuted;
import dev.scrollback.domain.chat.ChatRoomEvent.ChatMessageSent;
import dev.scrollback.domain.chat.ChatRoomEvent.ChatRoomNameClaimed;
import dev.scrollback.domain.chat.ChatRoomId;
import dev.scrollback.domain.chat.ChatTopic;
import dev.scrollback.domain.chat.RoomKind;
import dev.scrollback.domain.chat.RoomName;
import dev.scrollback.domain.shared.Handle;
import dev.scrollback.application.hooks.ContentFilters;
import dev.scrollback.application.hooks.MessageDraft;
import dev.scrollback.application.hooks.PluginHooks;
import dev.scrollback.application.hooks.PostedMessage;
import dev.scrollback.domain.chat.ChatText;
import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.Handle;
import dev.scrollback.domain.shared.MessagePlace;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Everything that writes to chat rooms: opening, joining and leaving, speaking, inviting, kicking, muting. */
@Named
final class ChatRoomService implements CreateChatRoom, JoinChatRoom, LeaveChatRoom, SendChatMessage, InviteToChatRoom,
        KickFromChatRoom, MuteInChatRoom, UnmuteInChatRoom {
    /** Per account: a burst of ten lines, then one a second; a script flooding a room is stopped. */
    static final Limit LINES_PER_ACCOUNT = new Limit("chat-lines-per-account", 10, Duration.ofSeconds(10));
    /** Per account: rooms are opened now and then; a script opening hundreds is stopped. */
    static final Limit ROOMS_PER_ACCOUNT = new Limit("chat-rooms-per-account", 5, Duration.ofHours(1));
    /** Per account: joining and leaving in a loop would flood every member's screen with arrivals. */
    static final Limit JOINS_PER_ACCOUNT = new Limit("chat-joins-per-account", 30, Duration.ofMinutes(1));
    /** Per account: invitations are not a way to reach everybody. */
    static final Limit INVITATIONS_PER_ACCOUNT = new Limit("chat-invitations-per-account", 30, Duration.ofHours(1));
    /** A busy room is one stream that many write to at once: a lost race is decided again on the newer room. */
    static final int ATTEMPTS = 5;

    private final EventLog log;
    private final ChatRooms rooms;
    private final Clock clock;
    private final RateLimiter limiter;
    private final RoomViews views;
    private final PluginHooks hooks;

    ChatRoomService(EventLog log, ChatRooms rooms, Clock clock, RateLimiter limiter) {
        this(log, rooms, clock, limiter, PluginHooks.none());
    }

    @Inject
    ChatRoomService(EventLog log, ChatRooms rooms, Clock clock, RateLimiter limiter, PluginHooks hooks) {
        this.log = log;
        this.rooms = rooms;
        this.clock = clock;
        this.limiter = limiter;
        this.hooks = hooks;
        this.views = new RoomViews(log, rooms, clock);
    }

    @Override
    public ChatRoomId create(Caller caller, RoomName name, RoomKind kind, Optional<ChatTopic> topic, Origin origin) {
        var who = ChatCallers.participant(caller);
        limiter.acquire(ROOMS_PER_ACCOUNT, who.account().toString()).orThrow();
        if (rooms.named(name).isPresent()) throw new ChatRejected(new RoomNameTaken(name));
        var room = new ChatRoomId(UuidV7.next());
        var at = clock.instant();
        var decision = Decision.make(log, ChatStreams.room(room), new ChatRoomDecider(), ChatRoomEvent.class,
                new ChatRoomCommand.Create(room, name, kind, topic, who, at));
        var claim = new StreamAppend(ChatStreams.roomName(name), ExpectedVersion.noStream(),
                List.of(new ChatRoomNameClaimed(room, name, at)));
        try {
            log.append(List.of(claim, decision.toAppend()), metadata(caller, origin, at));
        } catch (EventLog.Conflict nameTakenMeanwhile) {
            throw new ChatRejected(new RoomNameTaken(name));
        }
        return room;
    }

    @Override
    public ShowChatRoom.RoomView join(Caller caller, ChatRoomId room, Origin origin) {
        var who = ChatCallers.participant(caller);
        limiter.acquire(JOINS_PER_ACCOUNT, who.account().toString()).orThrow();
        var session = caller.session();
        Retried.onConflict(ATTEMPTS, () -> decideAndAppend(caller, room,
                new ChatRoomCommand.Join(who, session, clock.instant()), origin));
        return views.show(caller, who, room);
    }

    @Override
    public boolean leave(Caller caller, ChatRoomId room, Origin origin) {
        var who = ChatCallers.participant(caller);
        var session = caller.session();
        return !Retried.onConflict(ATTEMPTS, () -> decideAndAppend(caller, room,
                new ChatRoomCommand.Leave(who, session, clock.instant()), origin)).isEmpty();
    }

    @Override
    public ChatRooms.Line send(Caller caller, ChatRoomId room, String line, Origin origin) {
        var who = ChatCallers.participant(caller);
        var parsed = ChatLine.parse(line);
        limiter.acquire(LINES_PER_ACCOUNT, who.account().toString()).orThrow();
        var session = caller.session();
        var command = new ChatRoomCommand.Say(who, session, parsed, clock.instant());
        var decision = Decision.make(log, ChatStreams.room(room), new ChatRoomDecider(), ChatRoomEvent.class, command);
        // the filters see only what the room would take (a non-member's line is refused before any plugin reads it)
        var place = MessagePlace.chat(room.value(), rooms.room(room).map(r -> r.name().value()).orElse(room.toString()));
        var filtered = filtered(who.account(), who.handle(), place, parsed);
        if (filtered != parsed) {
            command = new ChatRoomCommand.Say(who, session, filtered, command.at());
            decision = Decision.make(log, ChatStreams.room(room), new ChatRoomDecider(), ChatRoomEvent.class, command);
        }
        // A line depends on membership and mutes, not on other lines: it is appended without expecting the room's
        // version, so lines said in one room at the same moment never conflict. (A leave or a mute racing a line may
        // let that one line through, as if it had been said a moment earlier.)
        log.append(new StreamAppend(decision.stream(), ExpectedVersion.any(), decision.events()),
                metadata(caller, origin, command.at()));
        var said = (ChatMessageSent) decision.events().getFirst();
        hooks.messagePosted(new PostedMessage(place, said.handle(), said.text().value()));
        return ChatRooms.Line.of(said);
    }

    /**
     * The line the content filters let through ({@code filter_message_content}): {@code line} itself, or one of the same
     * kind with a plugin's rewrite. A refusal, or a rewrite that is no longer a valid line, is {@link ChatRejected.FilteredOut}.
     */
    private ChatLine filtered(AccountId account, Handle handle, MessagePlace place, ChatLine line) {
        return ContentFilters.applied(hooks, new MessageDraft(place, account, handle, line.text().value()), line,
                text -> new ChatLine(line.kind(), new ChatText(text)), "a line that can be said",
                (plugin, why) -> new ChatRejected(new ChatRejected.FilteredOut(plugin, why)));
    }

    @Override
    public boolean invite(Caller caller, ChatRoomId room, Handle invitee, Origin origin) {
        var who = ChatCallers.participant(caller);
        limiter.acquire(INVITATIONS_PER_ACCOUNT, who.account().toString()).orThrow();
        views.enterable(room, who);                        // an unknown room is told before an unknown handle
        var target = ChatCallers.named(log, invitee);
        return !Retried.onConflict(ATTEMPTS, () -> decideAndAppend(caller, room,
                new ChatRoomCommand.Invite(who, target, clock.instant()), origin)).isEmpty();
    }

    @Override
    public int kick(Caller caller, ChatRoomId room, Handle handle, String reason, Origin origin) {
        var who = ChatCallers.participant(caller);
        views.enterable(room, who);
        var target = ChatCallers.named(log, handle);
        return Retried.onConflict(ATTEMPTS, () -> decideAndAppend(caller, room,
                new ChatRoomCommand.Kick(who, target, reason, clock.instant()), origin)).size();
    }

    @Override
    public Instant mute(Caller caller, ChatRoomId room, Handle handle, Duration length, String reason, Origin origin) {
        var who = ChatCallers.participant(caller);
        views.enterable(room, who);
        var target = ChatCallers.named(log, handle);
        var muted = Retried.onConflict(ATTEMPTS, () -> decideAndAppend(caller, room,
                new ChatRoomCommand.Mute(who, target, length, reason, clock.instant()), origin));
        return ((ChatMemberMuted) muted.getFirst()).until();
    }

    @Override
    public boolean unmute(Caller caller, ChatRoomId room, Handle handle, Origin origin) {
        var who = ChatCallers.participant(caller);
        views.enterable(room, who);
        var target = ChatCallers.named(log, handle);
        return !Retried.onConflict(ATTEMPTS, () -> decideAndAppend(caller, room,
                new ChatRoomCommand.Unmute(who, target, clock.instant()), origin)).isEmpty();
    }

    /** What was recorded (nothing, when the command changed nothing). */
    private List<ChatRoomEvent> decideAndAppend(Caller caller, ChatRoomId room, ChatRoomCommand command, Origin origin) {
        var decision = Decision.make(log, ChatStreams.room(room), new ChatRoomDecider(), ChatRoomEvent.class, command);
        if (decision.isEmpty()) return List.of();
        log.append(decision.toAppend(), metadata(caller, origin, command.at()));
        return decision.events();
    }

    private static EventMetadata metadata(Caller caller, Origin origin, Instant at) {
        return EventMetadata.of(caller.actor(), origin.inSession(caller.session()), at);
    }
}
