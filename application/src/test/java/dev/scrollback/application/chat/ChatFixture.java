package dev.scrollback.application.chat;

import dev.scrollback.application.accounts.AccountStreams;
import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.presence.OnlineCallers;
import dev.scrollback.application.sessions.SessionStreams;
import dev.scrollback.application.shared.Actor;
import dev.scrollback.application.shared.ControlledClock;
import dev.scrollback.application.shared.CountingRateLimiter;
import dev.scrollback.application.shared.EventMetadata;
import dev.scrollback.application.shared.ExpectedVersion;
import dev.scrollback.application.shared.InMemoryEventLog;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.application.shared.RateLimiter;
import dev.scrollback.application.shared.RecordedEvent;
import dev.scrollback.application.shared.StreamAppend;
import dev.scrollback.domain.accounts.AccountEvent;
import dev.scrollback.domain.accounts.AccountEvent.AccountRegistered;
import dev.scrollback.domain.accounts.AccountEvent.EmailVerified;
import dev.scrollback.domain.accounts.AccountEvent.RoleGranted;
import dev.scrollback.domain.accounts.HandleEvent.HandleClaimed;
import dev.scrollback.domain.accounts.PasswordHash;
import dev.scrollback.domain.accounts.Role;
import dev.scrollback.domain.chat.ChatRoomId;
import dev.scrollback.domain.chat.ChatTopic;
import dev.scrollback.domain.chat.RoomKind;
import dev.scrollback.domain.chat.RoomName;
import dev.scrollback.domain.sessions.EndReason;
import dev.scrollback.domain.sessions.SessionEvent;
import dev.scrollback.domain.sessions.SessionEvent.SessionEnded;
import dev.scrollback.domain.sessions.SessionEvent.SessionStarted;
import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.Channel;
import dev.scrollback.domain.shared.Handle;
import dev.scrollback.domain.shared.RemoteAddress;
import dev.scrollback.domain.shared.SessionId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The chat use cases wired by hand on an in-memory log, a controlled clock and a counting limiter, with the chat and
 * presence projections fed from the log by {@link #catchUp()}, as their processors do in the running system. Callers
 * exist on the log as the accounts and sessions capabilities leave them (a verified account with its roles, an open
 * session), because chat looks handles up and pages look at who is online. Public, so the web adapter's route tests
 * drive the real services.
 */
public final class ChatFixture {
    public static final Instant T0 = Instant.parse("2025-03-01T20:00:00Z");
    public static final Origin WEB = Origin.of(Channel.WEB, new RemoteAddress("192.0.2.7"));

    public final InMemoryEventLog log = new InMemoryEventLog();
    public final ControlledClock clock;
    public final ChatRooms rooms = new ChatRooms();
    public final OnlineCallers online = new OnlineCallers();

    public final CreateChatRoom createChatRoom;
    public final ListChatRooms listChatRooms;
    public final ShowChatRoom showChatRoom;
    public final JoinChatRoom joinChatRoom;
    public final LeaveChatRoom leaveChatRoom;
    public final SendChatMessage sendChatMessage;
    public final InviteToChatRoom inviteToChatRoom;
    public final KickFromChatRoom kickFromChatRoom;
    public final MuteInChatRoom muteInChatRoom;
    public final UnmuteInChatRoom unmuteInChatRoom;
    public final SendPage sendPage;

    private long fedUpTo;

    /** On a clock at {@link #T0}, with a counting limiter on it. */
    public ChatFixture() {
        this(new ControlledClock(T0));
    }

    private ChatFixture(ControlledClock clock) {
        this(clock, new CountingRateLimiter(clock));
    }

    public ChatFixture(ControlledClock clock, RateLimiter limits) {
        this.clock = clock;
        var service = new ChatRoomService(log, rooms, clock, limits);
        var queries = new ChatRoomQueries(log, rooms, clock);
        this.createChatRoom = service;
        this.joinChatRoom = service;
        this.leaveChatRoom = service;
        this.sendChatMessage = service;
        this.inviteToChatRoom = service;
        this.kickFromChatRoom = service;
        this.muteInChatRoom = service;
        this.unmuteInChatRoom = service;
        this.listChatRooms = queries;
        this.showChatRoom = queries;
        this.sendPage = new SendPageService(log, online, clock, limits);
    }

    /** Feeds the projections everything recorded since they last caught up, in log order. */
    public synchronized void catchUp() {
        for (List<RecordedEvent> batch = log.readAfter(fedUpTo, 1000); !batch.isEmpty(); batch = log.readAfter(fedUpTo, 1000)) {
            for (var recorded : batch) {
                rooms.feed(recorded.event());
                if (recorded.event() instanceof SessionEvent event) online.apply(event);
                fedUpTo = recorded.position();
            }
        }
    }

    /** A verified account holding {@code roles} (members are verified accounts), logged in once on the web. */
    public Caller member(String handle, Role... roles) {
        var roleSet = new java.util.HashSet<>(List.of(roles));
        roleSet.add(Role.MEMBER);
        return adopt(new Caller(new AccountId(UUID.randomUUID()), new Handle(handle), new SessionId(UUID.randomUUID()), roleSet));
    }

    public Caller sysop(String handle) {
        return member(handle, Role.SYSOP);
    }

    public Caller moderator(String handle) {
        return member(handle, Role.MODERATOR);
    }

    /**
     * Puts {@code caller} on the log as it is: its handle claimed, its account registered and verified (unless it is
     * only a guest) with its roles, and its session started. For callers made elsewhere (the web tests' sessions).
     */
    public Caller adopt(Caller caller) {
        var meta = EventMetadata.of(Actor.system(), Origin.system(), clock.instant());
        log.append(new StreamAppend(AccountStreams.handle(caller.handle()), ExpectedVersion.noStream(),
                List.of(new HandleClaimed(caller.handle(), caller.account(), clock.instant()))), meta);
        var events = new ArrayList<AccountEvent>();
        events.add(new AccountRegistered(caller.account(), caller.handle(), Optional.empty(), new PasswordHash("$x$hash"),
                clock.instant()));
        if (!caller.roles().equals(Set.of(Role.GUEST))) events.add(new EmailVerified(caller.account(), clock.instant()));
        for (var role : caller.roles()) {
            if (role != Role.MEMBER && role != Role.GUEST) events.add(new RoleGranted(caller.account(), role, clock.instant()));
        }
        log.append(new StreamAppend(AccountStreams.account(caller.account()), ExpectedVersion.noStream(), events), meta);
        startSession(caller);
        return caller;
    }

    /** The same account logged in once more (say, on telnet while its web session is open). */
    public Caller anotherSession(Caller caller) {
        var again = new Caller(caller.account(), caller.handle(), new SessionId(UUID.randomUUID()), caller.roles());
        startSession(again);
        return again;
    }

    private void startSession(Caller caller) {
        log.append(new StreamAppend(SessionStreams.session(caller.session()), ExpectedVersion.noStream(),
                List.of(new SessionStarted(caller.session(), caller.account(), caller.handle(), Channel.WEB, Optional.empty(),
                        Optional.empty(), clock.instant()))), EventMetadata.of(caller.actor(), WEB, clock.instant()));
        catchUp();
    }

    /** The caller's session ends (they hung up), as the sessions capability records it. */
    public void hangUp(Caller caller) {
        log.append(new StreamAppend(SessionStreams.session(caller.session()), ExpectedVersion.any(),
                List.of(new SessionEnded(caller.session(), EndReason.DROPPED, Duration.ZERO, clock.instant()))),
                EventMetadata.of(Actor.system(), Origin.system(), clock.instant()));
        catchUp();
    }

    /** A room opened by {@code creator}, projected. */
    public ChatRoomId room(Caller creator, String name, RoomKind kind) {
        var id = createChatRoom.create(creator, new RoomName(name), kind, Optional.of(new ChatTopic("About " + name)), WEB);
        catchUp();
        return id;
    }

    public ShowChatRoom.RoomView join(Caller caller, ChatRoomId room) {
        var view = joinChatRoom.join(caller, room, WEB);
        catchUp();
        return view;
    }

    public ChatRooms.Line say(Caller caller, ChatRoomId room, String line) {
        var said = sendChatMessage.send(caller, room, line, WEB);
        catchUp();
        return said;
    }

    /** Everything recorded after {@code position}. */
    public List<RecordedEvent> since(long position) {
        return log.readAfter(position, 10_000);
    }
}
