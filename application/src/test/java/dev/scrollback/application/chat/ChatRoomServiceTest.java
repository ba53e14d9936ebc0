package dev.scrollback.application.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.scrollback.application.accounts.AccessDenied;
import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.accounts.CredentialDenied;
import dev.scrollback.application.shared.EventLog;
import dev.scrollback.application.shared.EventMetadata;
import dev.scrollback.application.shared.RateLimited;
import dev.scrollback.application.shared.RecordedEvent;
import dev.scrollback.application.shared.StreamAppend;
import dev.scrollback.application.shared.StreamHistory;
import dev.scrollback.application.shared.StreamId;
import dev.scrollback.domain.accounts.ApiKeyId;
import dev.scrollback.domain.accounts.Role;
import dev.scrollback.domain.accounts.Scope;
import dev.scrollback.domain.chat.ChatRejected.CannotTargetYourself;
import dev.scrollback.domain.chat.ChatRejected.Muted;
import dev.scrollback.domain.chat.ChatRejected.NoSuchRoom;
import dev.scrollback.domain.chat.ChatRejected.NotAllowed;
import dev.scrollback.domain.chat.ChatRejected.NotInRoom;
import dev.scrollback.domain.chat.ChatRejected.NotJoined;
import dev.scrollback.domain.chat.ChatRejected.Outranked;
import dev.scrollback.domain.chat.ChatRejected.RoomIsPublic;
import dev.scrollback.domain.chat.ChatRejected.RoomNameTaken;
import dev.scrollback.domain.chat.ChatRejected.UnknownCaller;
import dev.scrollback.domain.chat.ChatRejected;
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
import dev.scrollback.domain.chat.ChatTopic;
import dev.scrollback.domain.chat.LineKind;
import dev.scrollback.domain.chat.RoomKind;
import dev.scrollback.domain.chat.RoomName;
import dev.scrollback.domain.shared.Handle;
import dev.scrollback.domain.shared.InvalidValue;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The chat room use cases on an in-memory log, with the projections fed as their processors would. */
class ChatRoomServiceTest {
    final ChatFixture f = new ChatFixture();
    final Caller root = f.sysop("Keeper");
    final Caller mod = f.moderator("Mod");
    final Caller alice = f.member("Alice");
    final Caller bob = f.member("Bob");
    final Caller carol = f.member("Carol");

    static ChatRejected.Reason refusal(Runnable attempt) {
        var rejected = catchThrowableOfType(ChatRejected.class, attempt::run);
        assertThat(rejected).as("refused").isNotNull();
        return rejected.reason();
    }

    static Caller withKey(Caller owner) {
        return Caller.withApiKey(owner.account(), owner.handle(), new ApiKeyId(UUID.randomUUID()),
                Set.of(Scope.BOARDS_WRITE, Scope.ADMIN), owner.roles());
    }

    // ---- opening rooms ----

    @Test
    void a_sysop_opens_a_public_room_with_its_name_claimed_in_the_same_append() {
        long before = f.log.lastPosition();
        var room = f.createChatRoom.create(root, new RoomName("Lobby"), RoomKind.PUBLIC, Optional.of(new ChatTopic("Say hi")),
                ChatFixture.WEB);

        var recorded = f.since(before);
        assertThat(recorded).extracting(RecordedEvent::event).containsExactly(
                new ChatRoomNameClaimed(room, new RoomName("Lobby"), ChatFixture.T0),
                new ChatRoomCreated(room, new RoomName("Lobby"), RoomKind.PUBLIC, Optional.of(new ChatTopic("Say hi")),
                        root.account(), root.handle(), ChatFixture.T0));
        assertThat(recorded.get(0).stream().value()).startsWith("chatroomname-");
        assertThat(recorded.get(1).stream()).isEqualTo(ChatStreams.room(room));
        assertThat(recorded.get(1).stream().value()).isEqualTo("chatroom-" + room);
        assertThat(recorded.get(1).metadata().actor()).isEqualTo(root.actor());
        assertThat(recorded.get(1).metadata().origin()).isEqualTo(ChatFixture.WEB.inSession(root.session()));
    }

    @Test
    void room_names_are_unique_without_case_or_width_even_before_the_projection_has_seen_the_first() {
        f.room(mod, "Lobby", RoomKind.PUBLIC);
        assertThat(refusal(() -> f.createChatRoom.create(root, new RoomName("LOBBY"), RoomKind.PUBLIC, Optional.empty(),
                ChatFixture.WEB))).isEqualTo(new RoomNameTaken(new RoomName("LOBBY")));

        f.createChatRoom.create(alice, new RoomName("Den"), RoomKind.PRIVATE, Optional.empty(), ChatFixture.WEB);   // not projected
        assertThat(refusal(() -> f.createChatRoom.create(bob, new RoomName("ＤＥＮ"), RoomKind.PRIVATE, Optional.empty(),
                ChatFixture.WEB))).as("the claim stream decides").isEqualTo(new RoomNameTaken(new RoomName("ＤＥＮ")));
    }

    @Test
    void members_open_private_rooms_only_and_guests_and_api_keys_open_nothing() {
        assertThat(refusal(() -> f.createChatRoom.create(alice, new RoomName("Mine"), RoomKind.PUBLIC, Optional.empty(),
                ChatFixture.WEB))).isEqualTo(new NotAllowed("open a public room"));
        assertThat(f.room(alice, "Mine", RoomKind.PRIVATE)).isNotNull();

        var guest = f.adopt(new Caller(new dev.scrollback.domain.shared.AccountId(UUID.randomUUID()), new Handle("Newbie"),
                new dev.scrollback.domain.shared.SessionId(UUID.randomUUID()), Set.of(Role.GUEST)));
        assertThat(catchThrowableOfType(AccessDenied.class, () -> f.createChatRoom.create(guest, new RoomName("Guests"),
                RoomKind.PRIVATE, Optional.empty(), ChatFixture.WEB))).isNotNull();
        assertThat(catchThrowableOfType(CredentialDenied.class, () -> f.createChatRoom.create(withKey(root), new RoomName("Bots"),
                RoomKind.PUBLIC, Optional.empty(), ChatFixture.WEB))).isNotNull();
    }

    @Test
    void opening_rooms_is_limited_per_account() {
        for (int i = 0; i < ChatRoomService.ROOMS_PER_ACCOUNT.permits(); i++) f.room(alice, "Room " + i, RoomKind.PRIVATE);
        var limited = catchThrowableOfType(RateLimited.class, () -> f.createChatRoom.create(alice, new RoomName("One more"),
                RoomKind.PRIVATE, Optional.empty(), ChatFixture.WEB));
        assertThat(limited).isNotNull();
        f.clock.advance(ChatRoomService.ROOMS_PER_ACCOUNT.window());
        assertThat(f.room(alice, "One more", RoomKind.PRIVATE)).isNotNull();
    }

    // ---- joining, speaking, leaving ----

    @Test
    void members_join_exchange_lines_and_actions_and_a_late_joiner_sees_the_last_lines() {
        var lobby = f.room(mod, "Lobby", RoomKind.PUBLIC);
        var first = f.join(alice, lobby);
        assertThat(first.joined()).isTrue();
        assertThat(first.lines()).isEmpty();
        assertThat(first.members()).extracting(ChatRooms.Member::handle).containsExactly(alice.handle());
        f.join(bob, lobby);

        var said = f.say(alice, lobby, "hello Bob");
        var done = f.say(bob, lobby, "/me waves back");
        assertThat(said.kind()).isEqualTo(LineKind.SAY);
        assertThat(said.text().value()).isEqualTo("hello Bob");
        assertThat(done.kind()).isEqualTo(LineKind.ACTION);
        assertThat(done.text().value()).isEqualTo("waves back");

        var late = f.joinChatRoom.join(carol, lobby, ChatFixture.WEB);              // before the projection catches up
        assertThat(late.lines()).extracting(l -> l.kind() + " " + l.speaker().name() + " " + l.text().value())
                .containsExactly("SAY Alice hello Bob", "ACTION Bob waves back");
        assertThat(late.members()).extracting(ChatRooms.Member::handle).containsExactly(alice.handle(), bob.handle(), carol.handle());
        assertThat(late.mayModerate()).isFalse();
        assertThat(late.mayInvite()).isFalse();
    }

    @Test
    void lines_said_in_one_room_at_the_same_moment_never_conflict() throws Exception {
        var lobby = f.room(mod, "Lobby", RoomKind.PUBLIC);
        var talkers = new java.util.ArrayList<Caller>();
        for (int i = 0; i < 8; i++) {
            var talker = f.member("Talker" + i);
            f.join(talker, lobby);
            talkers.add(talker);
        }
        long before = f.since(0).size();
        try (var threads = java.util.concurrent.Executors.newFixedThreadPool(8)) {
            var said = new java.util.ArrayList<java.util.concurrent.Future<?>>();
            for (var talker : talkers) {
                said.add(threads.submit(() -> {
                    for (int i = 0; i < 5; i++) f.say(talker, lobby, "line " + i);
                }));
            }
            for (var future : said) future.get();                   // none refused as a conflict
        }
        assertThat(f.since(0).stream().skip(before).filter(e -> e.event() instanceof ChatMessageSent)).hasSize(40);
    }

    @Test
    void the_last_fifty_lines_are_shown_however_many_joins_and_leaves_lie_between() {
        var lobby = f.room(mod, "Lobby", RoomKind.PUBLIC);
        f.join(alice, lobby);
        for (int i = 1; i <= 60; i++) {
            f.say(alice, lobby, "line " + i);
            f.clock.advance(Duration.ofSeconds(1));
        }
        for (int i = 0; i < 400; i++) {                                        // a busy door, no lines
            var visitor = f.anotherSession(bob);
            f.join(visitor, lobby);
            f.leaveChatRoom.leave(visitor, lobby, ChatFixture.WEB);
            f.clock.advance(Duration.ofSeconds(3));
        }
        var view = f.showChatRoom.show(alice, lobby);
        assertThat(view.lines()).hasSize(ChatRooms.RECENT_LINES);
        assertThat(view.lines().getFirst().text().value()).isEqualTo("line 11");
        assertThat(view.lines().getLast().text().value()).isEqualTo("line 60");
    }

    @Test
    void one_caller_joins_from_two_sessions_and_each_session_speaks_only_once_joined() {
        var lobby = f.room(mod, "Lobby", RoomKind.PUBLIC);
        var aliceTelnet = f.anotherSession(alice);
        f.join(alice, lobby);
        assertThat(refusal(() -> f.say(aliceTelnet, lobby, "hi"))).isEqualTo(new NotJoined());
        f.join(aliceTelnet, lobby);
        f.say(aliceTelnet, lobby, "hi from telnet");
        assertThat(f.rooms.sessionsIn(lobby)).containsExactly(alice.session(), aliceTelnet.session());
        assertThat(f.listChatRooms.list(bob)).singleElement().satisfies(s -> {
            assertThat(s.members()).isEqualTo(1);
            assertThat(s.joined()).isFalse();
        });
        assertThat(f.listChatRooms.list(alice).getFirst().joined()).isTrue();
    }

    @Test
    void joining_twice_records_nothing_and_leaving_records_once() {
        var lobby = f.room(mod, "Lobby", RoomKind.PUBLIC);
        f.join(alice, lobby);
        long before = f.log.lastPosition();
        assertThat(f.join(alice, lobby).joined()).isTrue();
        assertThat(f.since(before)).isEmpty();

        assertThat(f.leaveChatRoom.leave(alice, lobby, ChatFixture.WEB)).isTrue();
        assertThat(f.leaveChatRoom.leave(alice, lobby, ChatFixture.WEB)).isFalse();
        var left = f.since(before);
        assertThat(left).singleElement().extracting(RecordedEvent::event).isInstanceOfSatisfying(ChatLeft.class,
                e -> assertThat(e.reason()).isEqualTo(LeaveReason.LEFT));
        f.catchUp();
        assertThat(f.showChatRoom.show(alice, lobby).joined()).isFalse();
        assertThat(refusal(() -> f.say(alice, lobby, "still here?"))).isEqualTo(new NotJoined());
    }

    @Test
    void a_hostile_line_is_refused_before_anything_is_recorded() {
        var lobby = f.room(mod, "Lobby", RoomKind.PUBLIC);
        f.join(alice, lobby);
        long before = f.log.lastPosition();
        for (var line : List.of("\u001b[2J", "/me", "", "x".repeat(10_000), "a\nb")) {
            assertThat(catchThrowableOfType(InvalidValue.class, () -> f.say(alice, lobby, line))).as(line).isNotNull();
        }
        assertThat(f.since(before)).isEmpty();
    }

    @Test
    void lines_come_in_a_burst_of_ten_then_about_one_a_second() {
        var lobby = f.room(mod, "Lobby", RoomKind.PUBLIC);
        f.join(alice, lobby);
        for (int i = 0; i < 10; i++) f.say(alice, lobby, "flood " + i);
        var limited = catchThrowableOfType(RateLimited.class, () -> f.say(alice, lobby, "one more"));
        assertThat(limited).isNotNull();
        f.join(bob, lobby);
        f.say(bob, lobby, "others still speak");
        f.clock.advance(Duration.ofSeconds(10));
        f.say(alice, lobby, "after a pause");
    }

    @Test
    void nobody_joins_or_sees_a_room_that_does_not_exist() {
        var nowhere = new ChatRoomId(UUID.randomUUID());
        assertThat(refusal(() -> f.join(alice, nowhere))).isEqualTo(new NoSuchRoom());
        assertThat(refusal(() -> f.showChatRoom.show(alice, nowhere))).isEqualTo(new NoSuchRoom());
        assertThat(refusal(() -> f.say(alice, nowhere, "hi"))).isEqualTo(new NoSuchRoom());
        assertThat(refusal(() -> f.kickFromChatRoom.kick(mod, nowhere, bob.handle(), "x", ChatFixture.WEB))).isEqualTo(new NoSuchRoom());
    }

    // ---- private rooms ----

    @Test
    void a_private_room_is_invisible_to_the_uninvited_until_its_creator_invites_them() {
        var den = f.room(alice, "Den", RoomKind.PRIVATE);
        assertThat(f.listChatRooms.list(bob)).isEmpty();
        assertThat(refusal(() -> f.join(bob, den))).isEqualTo(new NoSuchRoom());
        assertThat(refusal(() -> f.showChatRoom.show(bob, den))).isEqualTo(new NoSuchRoom());
        assertThat(refusal(() -> f.showChatRoom.show(mod, den))).as("moderators are not invited by role").isEqualTo(new NoSuchRoom());

        assertThat(f.showChatRoom.show(alice, den).mayInvite()).isTrue();
        long before = f.log.lastPosition();
        assertThat(f.inviteToChatRoom.invite(alice, den, new Handle("bob"), ChatFixture.WEB)).isTrue();
        assertThat(f.inviteToChatRoom.invite(alice, den, new Handle("BOB"), ChatFixture.WEB)).as("once").isFalse();
        assertThat(f.since(before)).extracting(RecordedEvent::event)
                .containsExactly(new ChatInvited(den, bob.account(), new Handle("Bob"), alice.account(), ChatFixture.T0));
        f.catchUp();

        assertThat(f.listChatRooms.list(bob)).extracting(s -> s.room().name().value()).containsExactly("Den");
        assertThat(f.join(bob, den).joined()).isTrue();
        assertThat(f.join(root, den).joined()).as("sysops may enter any room").isTrue();
        assertThat(f.listChatRooms.list(root)).extracting(s -> s.room().id()).containsExactly(den);
    }

    @Test
    void invitations_are_refused_in_public_rooms_to_unknown_handles_and_from_invitees() {
        var den = f.room(alice, "Den", RoomKind.PRIVATE);
        var lobby = f.room(mod, "Lobby", RoomKind.PUBLIC);
        assertThat(refusal(() -> f.inviteToChatRoom.invite(mod, lobby, bob.handle(), ChatFixture.WEB))).isEqualTo(new RoomIsPublic());
        assertThat(refusal(() -> f.inviteToChatRoom.invite(alice, den, new Handle("Nobody"), ChatFixture.WEB)))
                .isEqualTo(new UnknownCaller(new Handle("Nobody")));
        assertThat(refusal(() -> f.inviteToChatRoom.invite(carol, den, bob.handle(), ChatFixture.WEB))).as("hidden from her")
                .isEqualTo(new NoSuchRoom());
        f.inviteToChatRoom.invite(alice, den, bob.handle(), ChatFixture.WEB);
        assertThat(refusal(() -> f.inviteToChatRoom.invite(bob, den, carol.handle(), ChatFixture.WEB)))
                .isEqualTo(new NotAllowed("invite to this room"));
        assertThat(refusal(() -> f.inviteToChatRoom.invite(alice, den, alice.handle(), ChatFixture.WEB)))
                .isEqualTo(new CannotTargetYourself());
    }

    // ---- moderation ----

    @Test
    void a_moderator_kicks_every_session_of_a_caller_with_a_reason() {
        var lobby = f.room(root, "Lobby", RoomKind.PUBLIC);
        var bobTelnet = f.anotherSession(bob);
        f.join(bob, lobby);
        f.join(bobTelnet, lobby);
        f.join(alice, lobby);
        long before = f.log.lastPosition();

        assertThat(f.kickFromChatRoom.kick(mod, lobby, new Handle("bob"), "Flooding", ChatFixture.WEB)).isEqualTo(2);

        var kicked = f.since(before);
        assertThat(kicked).extracting(r -> ((ChatLeft) r.event()).session()).containsExactly(bob.session(), bobTelnet.session());
        assertThat(kicked).allSatisfy(r -> {
            var left = (ChatLeft) r.event();
            assertThat(left.reason()).isEqualTo(LeaveReason.KICKED);
            assertThat(left.by()).contains(mod.account());
            assertThat(left.byHandle()).contains(mod.handle());
            assertThat(left.note()).contains("Flooding");
            assertThat(r.metadata().actor()).isEqualTo(mod.actor());
        });
        f.catchUp();
        assertThat(f.rooms.isMember(lobby, bob.account())).isFalse();
        assertThat(f.rooms.sessionsIn(lobby)).containsExactly(alice.session());
        assertThat(refusal(() -> f.say(bob, lobby, "hey!"))).isEqualTo(new NotJoined());
        assertThat(refusal(() -> f.kickFromChatRoom.kick(mod, lobby, bob.handle(), "again", ChatFixture.WEB)))
                .isEqualTo(new NotInRoom(bob.handle()));
    }

    @Test
    void members_kick_nobody_and_moderators_kick_no_sysop() {
        var lobby = f.room(root, "Lobby", RoomKind.PUBLIC);
        f.join(alice, lobby);
        f.join(root, lobby);
        assertThat(refusal(() -> f.kickFromChatRoom.kick(bob, lobby, alice.handle(), "no", ChatFixture.WEB)))
                .isEqualTo(new NotAllowed("kick in this room"));
        assertThat(refusal(() -> f.kickFromChatRoom.kick(mod, lobby, root.handle(), "coup", ChatFixture.WEB)))
                .isEqualTo(new Outranked(root.handle()));
        assertThat(refusal(() -> f.kickFromChatRoom.kick(mod, lobby, new Handle("Ghost"), "boo", ChatFixture.WEB)))
                .isEqualTo(new UnknownCaller(new Handle("Ghost")));
    }

    @Test
    void the_creator_of_a_private_room_kicks_those_they_invited() {
        var den = f.room(alice, "Den", RoomKind.PRIVATE);
        f.inviteToChatRoom.invite(alice, den, bob.handle(), ChatFixture.WEB);
        f.join(bob, den);
        assertThat(f.showChatRoom.show(alice, den).mayModerate()).isTrue();
        assertThat(f.kickFromChatRoom.kick(alice, den, bob.handle(), "Private talk", ChatFixture.WEB)).isEqualTo(1);
    }

    @Test
    void a_muted_member_reads_but_their_lines_are_refused_until_the_mute_runs_out() {
        var lobby = f.room(root, "Lobby", RoomKind.PUBLIC);
        f.join(alice, lobby);
        long before = f.log.lastPosition();
        var until = f.muteInChatRoom.mute(mod, lobby, alice.handle(), Duration.ofMinutes(10), "Cool down", ChatFixture.WEB);
        assertThat(until).isEqualTo(ChatFixture.T0.plus(Duration.ofMinutes(10)));
        assertThat(f.since(before)).extracting(RecordedEvent::event).containsExactly(new ChatMemberMuted(lobby, alice.account(),
                alice.handle(), until, "Cool down", mod.account(), mod.handle(), ChatFixture.T0));
        f.catchUp();

        assertThat(refusal(() -> f.say(alice, lobby, "but!"))).isEqualTo(new Muted(until));
        assertThat(f.showChatRoom.show(alice, lobby).mutedUntil()).contains(until);
        assertThat(f.rooms.mutedUntil(lobby, alice.account(), f.clock.instant())).contains(until);
        var view = f.showChatRoom.show(alice, lobby);
        assertThat(view.joined()).as("still in the room, reading").isTrue();
    }

    @Test
    void a_mute_runs_out_by_itself_or_is_lifted_early() {
        var lobby = f.room(root, "Lobby", RoomKind.PUBLIC);
        f.join(alice, lobby);
        f.muteInChatRoom.mute(mod, lobby, alice.handle(), Duration.ofMinutes(10), "Cool down", ChatFixture.WEB);
        f.clock.advance(Duration.ofMinutes(10));
        assertThat(f.say(alice, lobby, "back").text().value()).isEqualTo("back");

        f.muteInChatRoom.mute(mod, lobby, alice.handle(), Duration.ofHours(1), "Again", ChatFixture.WEB);
        long before = f.log.lastPosition();
        assertThat(f.unmuteInChatRoom.unmute(root, lobby, alice.handle(), ChatFixture.WEB)).isTrue();
        assertThat(f.unmuteInChatRoom.unmute(root, lobby, alice.handle(), ChatFixture.WEB)).isFalse();
        assertThat(f.since(before)).extracting(RecordedEvent::event).containsExactly(new ChatMemberUnmuted(lobby, alice.account(),
                alice.handle(), root.account(), root.handle(), f.clock.instant()));
        assertThat(f.say(alice, lobby, "thanks").text().value()).isEqualTo("thanks");
        assertThat(refusal(() -> f.muteInChatRoom.mute(alice, lobby, bob.handle(), Duration.ofMinutes(5), "mine", ChatFixture.WEB)))
                .isEqualTo(new NotAllowed("mute in this room"));
    }

    // ---- concurrency ----

    @Test
    void a_line_that_loses_a_race_for_the_room_is_decided_again_on_the_newer_room() {
        var lobby = f.room(mod, "Lobby", RoomKind.PUBLIC);
        f.join(alice, lobby);
        var rival = new AtomicBoolean(true);
        // A log on which, just before the first append to the room, another server appends Bob's join.
        EventLog racing = new EventLog() {
            @Override
            public List<RecordedEvent> append(List<StreamAppend> appends, EventMetadata metadata) {
                if (rival.getAndSet(false)) {
                    f.joinChatRoom.join(bob, lobby, ChatFixture.WEB);
                }
                return f.log.append(appends, metadata);
            }

            @Override
            public StreamHistory read(StreamId stream) {
                return f.log.read(stream);
            }

            @Override
            public List<RecordedEvent> readAfter(StreamId stream, long afterVersion) {
                return f.log.readAfter(stream, afterVersion);
            }

            @Override
            public List<RecordedEvent> readAfter(long after, int limit) {
                return f.log.readAfter(after, limit);
            }

            @Override
            public long lastPosition() {
                return f.log.lastPosition();
            }

            @Override
            public Subscription follow(long after, Subscriber subscriber) {
                return f.log.follow(after, subscriber);
            }
        };
        var service = new ChatRoomService(racing, f.rooms, f.clock, dev.scrollback.application.shared.CountingRateLimiter.unlimited());

        var said = service.send(alice, lobby, "first!", ChatFixture.WEB);

        assertThat(said.text().value()).isEqualTo("first!");
        var room = f.log.read(ChatStreams.room(lobby)).events().stream().map(RecordedEvent::event).toList();
        assertThat(room).hasSize(4);
        assertThat(room.get(2)).isInstanceOf(ChatJoined.class);
        assertThat(room.get(3)).isInstanceOf(ChatMessageSent.class);
    }
}
