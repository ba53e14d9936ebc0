package dev.scrollback.application.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.boards.Boards;
import dev.scrollback.application.chat.ChatRooms;
import dev.scrollback.application.mail.Mailboxes;
import dev.scrollback.application.shared.Actor;
import dev.scrollback.application.shared.EventMetadata;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.application.shared.RecordedEvent;
import dev.scrollback.application.shared.StreamId;
import dev.scrollback.domain.accounts.Role;
import dev.scrollback.domain.chat.ChatRoomEvent.ChatJoined;
import dev.scrollback.domain.chat.ChatRoomEvent.ChatLeft;
import dev.scrollback.domain.chat.ChatRoomEvent.ChatMessageSent;
import dev.scrollback.domain.chat.ChatRoomEvent.ChatRoomCreated;
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
import dev.scrollback.domain.sessions.SessionEvent.SessionStarted;
import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.Channel;
import dev.scrollback.domain.shared.DomainEvent;
import dev.scrollback.domain.shared.Handle;
import dev.scrollback.domain.shared.SessionId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which events a live connection is sent: asked of one caller's interest, event by event, as the hub asks it. */
class LiveInterestsTest {
    static final Instant T0 = Instant.parse("2025-03-01T20:00:00Z");
    static final AccountId ALICE = new AccountId(UUID.randomUUID());
    static final AccountId BOB = new AccountId(UUID.randomUUID());
    static final ChatRoomId LOBBY = new ChatRoomId(UUID.randomUUID());
    static final ChatRoomId DEN = new ChatRoomId(UUID.randomUUID());

    final ChatRooms chatRooms = new ChatRooms();
    final LiveInterests interests = new LiveInterests(new Boards(), new Mailboxes(), chatRooms);
    final SessionId aliceSession = new SessionId(UUID.randomUUID());
    final SessionId bobSession = new SessionId(UUID.randomUUID());
    final Caller alice = new Caller(ALICE, new Handle("Alice"), aliceSession, Set.of(Role.MEMBER));
    long position;

    @Test
    void presence_concerns_everyone() {
        var interest = interests.of(alice);
        assertThat(interest.concerns(recorded(new SessionStarted(bobSession, BOB, new Handle("Bob"), Channel.TELNET,
                Optional.empty(), Optional.empty(), T0)))).isTrue();
        assertThat(interest.concerns(recorded(new SessionEnded(bobSession, EndReason.DROPPED, Duration.ZERO, T0)))).isTrue();
    }

    @Test
    void lines_concern_the_members_of_their_room_only_as_the_projection_knows_them_before_connecting() {
        openRooms();
        projected(new ChatJoined(LOBBY, ALICE, new Handle("Alice"), aliceSession, T0));
        var interest = interests.of(alice);

        assertThat(interest.concerns(recorded(line(LOBBY, BOB, bobSession)))).isTrue();
        assertThat(interest.concerns(recorded(line(DEN, BOB, bobSession)))).as("a room she is not in").isFalse();
    }

    @Test
    void a_line_right_after_her_own_join_concerns_her_though_the_projection_has_not_seen_the_join_yet() {
        openRooms();
        var interest = interests.of(alice);
        assertThat(interest.concerns(recorded(line(DEN, BOB, bobSession)))).isFalse();

        assertThat(interest.concerns(recorded(new ChatJoined(DEN, ALICE, new Handle("Alice"), aliceSession, T0)))).isTrue();
        assertThat(interest.concerns(recorded(line(DEN, BOB, bobSession)))).isTrue();
    }

    @Test
    void a_join_the_projection_applies_late_still_counts_though_lines_in_that_room_were_refused_before() {
        openRooms();
        var interest = interests.of(alice);
        assertThat(interest.concerns(recorded(line(DEN, BOB, bobSession)))).isFalse();
        assertThat(interest.concerns(recorded(line(DEN, BOB, bobSession)))).as("kept").isFalse();

        // her join came before the connection's cursor, and the projection only applies it now
        projected(new ChatJoined(DEN, ALICE, new Handle("Alice"), aliceSession, T0));
        assertThat(interest.concerns(recorded(line(DEN, BOB, bobSession)))).isTrue();
    }

    @Test
    void many_rooms_she_is_not_in_are_all_still_refused() {
        openRooms();
        var interest = interests.of(alice);
        for (int i = 0; i < 200; i++) {
            var room = new ChatRoomId(UUID.randomUUID());
            projected(created(room, "Room " + i, RoomKind.PUBLIC, BOB));
            assertThat(interest.concerns(recorded(line(room, BOB, bobSession)))).isFalse();
        }
        assertThat(interest.concerns(recorded(line(DEN, BOB, bobSession)))).isFalse();
    }

    @ParameterizedTest(name = "the projection has applied her leave: {0}")
    @ValueSource(booleans = {true, false})
    void after_leaving_on_her_last_session_the_room_no_longer_concerns_her_however_far_the_projection_has_got(
            boolean leaveProjected) {
        openRooms();
        var joined = new ChatJoined(LOBBY, ALICE, new Handle("Alice"), aliceSession, T0);
        projected(joined);
        var interest = interests.of(alice);
        assertThat(interest.concerns(recorded(joined))).isTrue();

        var left = new ChatLeft(LOBBY, ALICE, new Handle("Alice"), aliceSession, LeaveReason.LEFT, Optional.empty(),
                Optional.empty(), Optional.empty(), T0.plusSeconds(1));
        if (leaveProjected) projected(left);
        assertThat(interest.concerns(recorded(left))).as("her own leaving").isTrue();
        assertThat(interest.concerns(recorded(line(LOBBY, BOB, bobSession)))).isFalse();
        assertThat(interest.isIn(LOBBY)).isFalse();
    }

    @Test
    void leaving_on_one_session_keeps_the_room_while_another_of_her_sessions_is_in_it() {
        openRooms();
        var phone = new SessionId(UUID.randomUUID());
        var interest = interests.of(alice);
        assertThat(interest.concerns(recorded(new ChatJoined(LOBBY, ALICE, new Handle("Alice"), aliceSession, T0)))).isTrue();
        assertThat(interest.concerns(recorded(new ChatJoined(LOBBY, ALICE, new Handle("Alice"), phone, T0)))).isTrue();

        assertThat(interest.concerns(recorded(new ChatLeft(LOBBY, ALICE, new Handle("Alice"), phone, LeaveReason.LEFT,
                Optional.empty(), Optional.empty(), Optional.empty(), T0.plusSeconds(1))))).isTrue();
        assertThat(interest.concerns(recorded(line(LOBBY, BOB, bobSession)))).isTrue();
        assertThat(interest.isIn(LOBBY)).isTrue();
    }

    @Test
    void a_session_that_ends_leaves_its_rooms() {
        openRooms();
        var interest = interests.of(alice);
        assertThat(interest.concerns(recorded(new ChatJoined(DEN, ALICE, new Handle("Alice"), aliceSession, T0)))).isTrue();

        assertThat(interest.concerns(recorded(new SessionEnded(aliceSession, EndReason.DROPPED, Duration.ZERO, T0)))).isTrue();
        assertThat(interest.concerns(recorded(line(DEN, BOB, bobSession)))).isFalse();
        assertThat(interest.isIn(DEN)).isFalse();
    }

    @Test
    void whether_she_is_in_a_room_follows_what_her_connection_was_sent_and_asking_changes_nothing() {
        openRooms();
        var interest = interests.of(alice);
        assertThat(interest.isIn(DEN)).isFalse();

        interest.concerns(recorded(new ChatJoined(DEN, ALICE, new Handle("Alice"), aliceSession, T0)));   // not projected
        assertThat(interest.isIn(DEN)).isTrue();
        assertThat(interest.isIn(LOBBY)).isFalse();
        projected(new ChatJoined(LOBBY, ALICE, new Handle("Alice"), aliceSession, T0));
        assertThat(interest.isIn(LOBBY)).as("a room it has not heard of: the projection's word").isTrue();
    }

    @Test
    void public_rooms_opening_concern_everyone_and_private_ones_their_creator_only() {
        var interest = interests.of(alice);
        assertThat(interest.concerns(recorded(created(LOBBY, "Lobby", RoomKind.PUBLIC, BOB)))).isTrue();
        assertThat(interest.concerns(recorded(created(DEN, "Den", RoomKind.PRIVATE, BOB)))).isFalse();
        assertThat(interest.concerns(recorded(created(new ChatRoomId(UUID.randomUUID()), "Nook", RoomKind.PRIVATE, ALICE))))
                .isTrue();
    }

    @Test
    void pages_concern_who_sent_them_and_who_they_are_for() {
        var interest = interests.of(alice);
        var carol = new AccountId(UUID.randomUUID());
        assertThat(interest.concerns(recorded(page(BOB, ALICE)))).isTrue();
        assertThat(interest.concerns(recorded(page(ALICE, BOB)))).isTrue();
        assertThat(interest.concerns(recorded(page(BOB, carol)))).isFalse();
    }

    private void openRooms() {
        projected(created(LOBBY, "Lobby", RoomKind.PUBLIC, BOB));
        projected(created(DEN, "Den", RoomKind.PUBLIC, BOB));
        projected(new SessionStarted(aliceSession, ALICE, new Handle("Alice"), Channel.WEB, Optional.empty(),
                Optional.empty(), T0));
        projected(new SessionStarted(bobSession, BOB, new Handle("Bob"), Channel.WEB, Optional.empty(), Optional.empty(), T0));
        projected(new ChatJoined(LOBBY, BOB, new Handle("Bob"), bobSession, T0));
        projected(new ChatJoined(DEN, BOB, new Handle("Bob"), bobSession, T0));
    }

    private void projected(DomainEvent event) {
        chatRooms.feed(event);
    }

    private static ChatRoomCreated created(ChatRoomId room, String name, RoomKind kind, AccountId creator) {
        return new ChatRoomCreated(room, new RoomName(name), kind, Optional.empty(), creator, new Handle("Creator"), T0);
    }

    private static ChatMessageSent line(ChatRoomId room, AccountId from, SessionId session) {
        return new ChatMessageSent(room, from, new Handle("Someone"), session, LineKind.SAY, new ChatText("hello"), T0);
    }

    private static PageSent page(AccountId from, AccountId to) {
        return new PageSent(new PageId(UUID.randomUUID()), from, new Handle("From"), to, new Handle("To"),
                new PageText("are you there?"), T0);
    }

    private RecordedEvent recorded(DomainEvent event) {
        return new RecordedEvent(++position, UUID.randomUUID(), StreamId.of("test", UUID.randomUUID()), 0,
                event.getClass().getSimpleName(), 1, EventMetadata.of(Actor.system(), Origin.system(), T0), event);
    }
}
