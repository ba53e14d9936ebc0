package dev.scrollback.application.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.domain.chat.ChatEvent;
import dev.scrollback.domain.chat.ChatRoomEvent.ChatInvited;
import dev.scrollback.domain.chat.ChatRoomEvent.ChatJoined;
import dev.scrollback.domain.chat.ChatRoomEvent.ChatLeft;
import dev.scrollback.domain.chat.ChatRoomEvent.ChatMemberMuted;
import dev.scrollback.domain.chat.ChatRoomEvent.ChatMemberUnmuted;
import dev.scrollback.domain.chat.ChatRoomEvent.ChatMessageSent;
import dev.scrollback.domain.chat.ChatRoomEvent.ChatRoomCreated;
import dev.scrollback.domain.chat.ChatRoomEvent.ChatRoomNameClaimed;
import dev.scrollback.domain.chat.ChatRoomEvent.LeaveReason;
import dev.scrollback.domain.chat.ChatRoomId;
import dev.scrollback.domain.chat.ChatText;
import dev.scrollback.domain.chat.LineKind;
import dev.scrollback.domain.chat.PageEvent.PageSent;
import dev.scrollback.domain.chat.PageId;
import dev.scrollback.domain.chat.PageText;
import dev.scrollback.domain.chat.RoomKind;
import dev.scrollback.domain.chat.RoomName;
import dev.scrollback.domain.sessions.EndReason;
import dev.scrollback.domain.sessions.SessionEvent.SessionEnded;
import dev.scrollback.domain.sessions.SessionEvent.SessionRefreshed;
import dev.scrollback.domain.sessions.SessionEvent.SessionStarted;
import dev.scrollback.domain.boards.BoardEvent.BoardNameClaimed;
import dev.scrollback.domain.boards.BoardId;
import dev.scrollback.domain.boards.BoardName;
import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.Channel;
import dev.scrollback.domain.shared.DomainEvent;
import dev.scrollback.domain.shared.Handle;
import dev.scrollback.domain.shared.SessionId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The chat projection as a plain object: fed events, asked questions. */
class ChatRoomsTest {
    static final Instant T0 = Instant.parse("2025-03-01T20:00:00Z");
    static final ChatRoomId LOBBY = new ChatRoomId(UUID.randomUUID());
    static final ChatRoomId DEN = new ChatRoomId(UUID.randomUUID());
    static final AccountId ALICE = new AccountId(UUID.randomUUID());
    static final AccountId BOB = new AccountId(UUID.randomUUID());

    final ChatRooms rooms = new ChatRooms();
    final List<DomainEvent> log = new ArrayList<>();

    /** Applies {@code event} to the live projection and keeps it for a rebuild. */
    void feed(DomainEvent event) {
        log.add(event);
        rooms.feed(event);
    }

    SessionId online(AccountId account, String handle) {
        var session = new SessionId(UUID.randomUUID());
        feed(new SessionStarted(session, account, new Handle(handle), Channel.WEB, Optional.empty(), Optional.empty(), T0));
        return session;
    }

    void open(ChatRoomId room, String name, RoomKind kind, AccountId creator) {
        feed(new ChatRoomNameClaimed(room, new RoomName(name), T0));
        feed(new ChatRoomCreated(room, new RoomName(name), kind, Optional.empty(), creator, new Handle("Creator"), T0));
    }

    void join(ChatRoomId room, AccountId account, String handle, SessionId session) {
        feed(new ChatJoined(room, account, new Handle(handle), session, T0.plusSeconds(1)));
    }

    void say(ChatRoomId room, AccountId account, String handle, SessionId session, String text) {
        feed(new ChatMessageSent(room, account, new Handle(handle), session, LineKind.SAY, new ChatText(text), T0.plusSeconds(2)));
    }

    void end(SessionId session) {
        feed(new SessionEnded(session, EndReason.DROPPED, Duration.ZERO, T0.plusSeconds(60)));
    }

    @Test
    void rooms_are_listed_by_name_and_found_by_name_without_case_or_width() {
        open(LOBBY, "Lobby", RoomKind.PUBLIC, ALICE);
        open(DEN, "Den", RoomKind.PRIVATE, BOB);
        assertThat(rooms.rooms()).extracting(ChatRooms.Room::id).containsExactly(DEN, LOBBY);
        assertThat(rooms.named(new RoomName("ＬＯＢＢＹ"))).map(ChatRooms.Room::id).contains(LOBBY);
        assertThat(rooms.named(new RoomName("Attic"))).isEmpty();
        assertThat(rooms.room(DEN)).map(ChatRooms.Room::kind).contains(RoomKind.PRIVATE);
    }

    @Test
    void membership_is_per_session_and_a_caller_counts_once() {
        open(LOBBY, "Lobby", RoomKind.PUBLIC, ALICE);
        var aliceWeb = online(ALICE, "Alice");
        var aliceTelnet = online(ALICE, "Alice");
        var bobWeb = online(BOB, "Bob");
        join(LOBBY, ALICE, "Alice", aliceWeb);
        join(LOBBY, BOB, "Bob", bobWeb);
        join(LOBBY, ALICE, "Alice", aliceTelnet);

        assertThat(rooms.sessionsIn(LOBBY)).containsExactly(aliceWeb, bobWeb, aliceTelnet);
        assertThat(rooms.members(LOBBY)).extracting(ChatRooms.Member::handle, ChatRooms.Member::sessions)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(new Handle("Alice"), 2), org.assertj.core.groups.Tuple.tuple(new Handle("Bob"), 1));
        assertThat(rooms.memberCount(LOBBY)).isEqualTo(2);
        assertThat(rooms.isMember(LOBBY, ALICE)).isTrue();
        assertThat(rooms.roomsOf(aliceTelnet)).containsExactly(LOBBY);

        feed(new ChatLeft(LOBBY, ALICE, new Handle("Alice"), aliceWeb, LeaveReason.LEFT, Optional.empty(), Optional.empty(),
                Optional.empty(), T0.plusSeconds(5)));
        assertThat(rooms.isMember(LOBBY, ALICE)).as("still there on telnet").isTrue();
        assertThat(rooms.roomsOf(aliceWeb)).isEmpty();
        assertThat(rooms.sessionsIn(LOBBY)).containsExactly(bobWeb, aliceTelnet);
    }

    @Test
    void a_session_that_ends_is_out_of_every_room_it_was_in() {
        open(LOBBY, "Lobby", RoomKind.PUBLIC, ALICE);
        open(DEN, "Den", RoomKind.PUBLIC, ALICE);
        var alice = online(ALICE, "Alice");
        var bob = online(BOB, "Bob");
        join(LOBBY, ALICE, "Alice", alice);
        join(DEN, ALICE, "Alice", alice);
        join(LOBBY, BOB, "Bob", bob);

        end(alice);

        assertThat(rooms.roomsOf(alice)).isEmpty();
        assertThat(rooms.isMember(LOBBY, ALICE)).isFalse();
        assertThat(rooms.isMember(DEN, ALICE)).isFalse();
        assertThat(rooms.sessionsIn(LOBBY)).containsExactly(bob);
        assertThat(rooms.sessionsIn(DEN)).isEmpty();
    }

    @Test
    void a_join_from_a_session_that_already_ended_is_not_counted() {
        open(LOBBY, "Lobby", RoomKind.PUBLIC, ALICE);
        var alice = online(ALICE, "Alice");
        end(alice);
        join(LOBBY, ALICE, "Alice", alice);                          // its request raced the hang-up
        join(LOBBY, ALICE, "Alice", new SessionId(UUID.randomUUID()));   // never started at all
        assertThat(rooms.sessionsIn(LOBBY)).isEmpty();
        assertThat(rooms.roomsOf(alice)).isEmpty();
    }

    @Test
    void the_ring_keeps_the_last_fifty_lines_oldest_first() {
        open(LOBBY, "Lobby", RoomKind.PUBLIC, ALICE);
        var alice = online(ALICE, "Alice");
        join(LOBBY, ALICE, "Alice", alice);
        for (int i = 1; i <= 120; i++) say(LOBBY, ALICE, "Alice", alice, "line " + i);
        var recent = rooms.recentLines(LOBBY);
        assertThat(recent).hasSize(ChatRooms.RECENT_LINES);
        assertThat(recent.getFirst().text().value()).isEqualTo("line 71");
        assertThat(recent.getLast().text().value()).isEqualTo("line 120");
        assertThat(rooms.recentLines(DEN)).isEmpty();
    }

    @Test
    void invitations_and_mutes_are_kept_per_room() {
        open(DEN, "Den", RoomKind.PRIVATE, ALICE);
        feed(new ChatInvited(DEN, BOB, new Handle("Bob"), ALICE, T0));
        assertThat(rooms.isInvited(DEN, BOB)).isTrue();
        assertThat(rooms.isInvited(LOBBY, BOB)).isFalse();

        var until = T0.plus(Duration.ofMinutes(10));
        feed(new ChatMemberMuted(DEN, BOB, new Handle("Bob"), until, "calm", ALICE, new Handle("Alice"), T0));
        assertThat(rooms.mutedUntil(DEN, BOB, T0.plusSeconds(1))).contains(until);
        assertThat(rooms.mutedUntil(DEN, BOB, until)).as("ran out").isEmpty();
        feed(new ChatMemberUnmuted(DEN, BOB, new Handle("Bob"), ALICE, new Handle("Alice"), T0.plusSeconds(2)));
        assertThat(rooms.mutedUntil(DEN, BOB, T0.plusSeconds(3))).isEmpty();
    }

    @Test
    void other_events_and_pages_change_nothing() {
        feed(new BoardNameClaimed(new BoardId(UUID.randomUUID()), new BoardName("Lobby"), T0));
        feed(new PageSent(new PageId(UUID.randomUUID()), ALICE, new Handle("Alice"), BOB, new Handle("Bob"), new PageText("hi"), T0));
        feed(new SessionRefreshed(new SessionId(UUID.randomUUID()), 1, T0));
        feed(new ChatJoined(LOBBY, ALICE, new Handle("Alice"), new SessionId(UUID.randomUUID()), T0));   // a room never opened
        assertThat(rooms.rooms()).isEmpty();
        assertThat(rooms.sessionsIn(LOBBY)).isEmpty();
    }

    @Test
    void a_projection_rebuilt_from_the_log_answers_as_the_live_one_did() {
        open(LOBBY, "Lobby", RoomKind.PUBLIC, ALICE);
        open(DEN, "Den", RoomKind.PRIVATE, BOB);
        var alice = online(ALICE, "Alice");
        var aliceToo = online(ALICE, "Alice");
        var bob = online(BOB, "Bob");
        join(LOBBY, ALICE, "Alice", alice);
        join(LOBBY, ALICE, "Alice", aliceToo);
        join(DEN, BOB, "Bob", bob);
        feed(new ChatInvited(DEN, ALICE, new Handle("Alice"), BOB, T0));
        join(DEN, ALICE, "Alice", alice);
        for (int i = 0; i < 70; i++) say(LOBBY, ALICE, "Alice", i % 2 == 0 ? alice : aliceToo, "hello " + i);
        join(LOBBY, BOB, "Bob", bob);
        say(DEN, BOB, "Bob", bob, "psst");
        feed(new ChatMemberMuted(LOBBY, BOB, new Handle("Bob"), T0.plus(Duration.ofHours(1)), "calm", ALICE, new Handle("Alice"), T0));
        end(alice);
        feed(new ChatLeft(LOBBY, BOB, new Handle("Bob"), bob, LeaveReason.KICKED, Optional.of(ALICE),
                Optional.of(new Handle("Alice")), Optional.of("calm down"), T0.plusSeconds(70)));
        join(LOBBY, ALICE, "Alice", alice);                          // raced its hang-up

        var rebuilt = new ChatRooms();
        log.forEach(rebuilt::feed);

        assertThat(answers(rebuilt)).isEqualTo(answers(rooms));
        assertThat(answers(rooms).get("sessionsIn " + LOBBY)).isEqualTo(List.of(aliceToo));
    }

    /** Every question the projection answers, about every room and session the test used. */
    private Map<String, Object> answers(ChatRooms projection) {
        var answers = new LinkedHashMap<String, Object>();
        answers.put("rooms", projection.rooms());
        for (var room : List.of(LOBBY, DEN)) {
            answers.put("members " + room, projection.members(room));
            answers.put("sessionsIn " + room, projection.sessionsIn(room));
            answers.put("recent " + room, projection.recentLines(room));
            for (var account : List.of(ALICE, BOB)) {
                answers.put("isMember " + room + account, projection.isMember(room, account));
                answers.put("invited " + room + account, projection.isInvited(room, account));
                answers.put("muted " + room + account, projection.mutedUntil(room, account, T0.plusSeconds(5)));
            }
        }
        for (var event : log) {
            if (event instanceof SessionStarted s) answers.put("roomsOf " + s.session(), projection.roomsOf(s.session()));
        }
        return answers;
    }
}
