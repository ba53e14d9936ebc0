package dev.scrollback.domain.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.DeciderSpec;
import dev.scrollback.domain.shared.Handle;
import dev.scrollback.domain.shared.InvalidValue;
import dev.scrollback.domain.shared.PluginName;
import dev.scrollback.domain.shared.SessionId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ChatRoomDeciderTest {
    static final Instant T0 = Instant.parse("2031-05-01T12:00:00Z");
    static final ChatRoomId ROOM = new ChatRoomId(UUID.fromString("0195f0a0-0000-7000-8000-0000000000c0"));
    static final RoomName LOBBY = new RoomName("Lobby");
    static final RoomName DEN = new RoomName("The Den");

    static final Participant ROOT = person("Keeper", 1, Role.SYSOP, Role.MEMBER);
    static final Participant MOD = person("Mod", 2, Role.MODERATOR, Role.MEMBER);
    static final Participant MOD2 = person("Other-Mod", 3, Role.MODERATOR, Role.MEMBER);
    static final Participant ALICE = person("Alice", 4, Role.MEMBER);
    static final Participant BOB = person("Bob", 5, Role.MEMBER);
    static final Participant CAROL = person("Carol", 6, Role.MEMBER);
    static final Participant GUEST = person("Newbie", 7, Role.GUEST);

    static final SessionId ALICE_TELNET = session(41);
    static final SessionId ALICE_WEB = session(42);
    static final SessionId BOB_WEB = session(51);
    static final SessionId CAROL_WEB = session(61);

    static final ChatRoomCreated PUBLIC = new ChatRoomCreated(ROOM, LOBBY, RoomKind.PUBLIC, Optional.of(new ChatTopic("Say hello")),
            MOD.account(), MOD.handle(), T0);
    static final ChatRoomCreated PRIVATE = new ChatRoomCreated(ROOM, DEN, RoomKind.PRIVATE, Optional.empty(), ALICE.account(),
            ALICE.handle(), T0);

    final DeciderSpec<ChatRoomCommand, ChatRoomState, ChatRoomEvent> spec = new DeciderSpec<>(new ChatRoomDecider());

    static Participant person(String handle, int n, Role... roles) {
        return new Participant(new AccountId(new UUID(0x0195f0a0_0000_7000L, 0x8000_0000_0000_0000L + n)), new Handle(handle),
                Set.of(roles));
    }

    static SessionId session(int n) {
        return new SessionId(new UUID(0x0195f0a0_0000_7000L, 0x8000_0000_0000_1000L + n));
    }

    static ChatJoined joined(Participant who, SessionId session) {
        return new ChatJoined(ROOM, who.account(), who.handle(), session, T0.plusSeconds(1));
    }

    static ChatLeft kicked(Participant who, SessionId session, Participant by, String note, Instant at) {
        return new ChatLeft(ROOM, who.account(), who.handle(), session, LeaveReason.KICKED, Optional.of(by.account()),
                Optional.of(by.handle()), Optional.of(note), at);
    }

    static ChatMemberMuted muted(Participant who, Participant by, Instant until) {
        return new ChatMemberMuted(ROOM, who.account(), who.handle(), until, "Cool down", by.account(), by.handle(), T0);
    }

    // ---- opening rooms ----

    @Test
    void moderators_and_sysops_open_public_rooms_and_members_may_not() {
        spec.given().when(new Create(ROOM, LOBBY, RoomKind.PUBLIC, Optional.of(new ChatTopic("Say hello")), MOD, T0)).then(PUBLIC);
        spec.given().when(new Create(ROOM, LOBBY, RoomKind.PUBLIC, Optional.empty(), ROOT, T0))
                .then(new ChatRoomCreated(ROOM, LOBBY, RoomKind.PUBLIC, Optional.empty(), ROOT.account(), ROOT.handle(), T0));
        spec.given().when(new Create(ROOM, LOBBY, RoomKind.PUBLIC, Optional.empty(), ALICE, T0))
                .thenRejectedWith(new NotAllowed("open a public room"));
    }

    @Test
    void any_member_opens_a_private_room_but_a_guest_may_not() {
        spec.given().when(new Create(ROOM, DEN, RoomKind.PRIVATE, Optional.empty(), ALICE, T0)).then(PRIVATE);
        spec.given().when(new Create(ROOM, DEN, RoomKind.PRIVATE, Optional.empty(), GUEST, T0))
                .thenRejectedWith(new NotAllowed("open a private room"));
        spec.given().when(new Create(ROOM, LOBBY, RoomKind.PUBLIC, Optional.empty(), GUEST, T0))
                .thenRejectedWith(new NotAllowed("open a public room"));
    }

    @Test
    void a_room_opens_once_and_nothing_happens_in_a_room_that_was_never_opened() {
        spec.given(PUBLIC).when(new Create(ROOM, LOBBY, RoomKind.PUBLIC, Optional.empty(), MOD, T0)).thenRejectedWith(new RoomExists());
        spec.given().when(new Join(ALICE, ALICE_WEB, T0)).thenRejectedWith(new NoSuchRoom());
        spec.given().when(new Leave(ALICE, ALICE_WEB, T0)).thenRejectedWith(new NoSuchRoom());
        spec.given().when(new Say(ALICE, ALICE_WEB, ChatLine.say("hi"), T0)).thenRejectedWith(new NoSuchRoom());
        spec.given().when(new Invite(ALICE, BOB, T0)).thenRejectedWith(new NoSuchRoom());
        spec.given().when(new Kick(MOD, BOB, "spam", T0)).thenRejectedWith(new NoSuchRoom());
        spec.given().when(new Mute(MOD, BOB, Duration.ofMinutes(5), "spam", T0)).thenRejectedWith(new NoSuchRoom());
        spec.given().when(new Unmute(MOD, BOB, T0)).thenRejectedWith(new NoSuchRoom());
    }

    @Test
    void the_name_claim_changes_nothing_about_the_room() {
        spec.given(PUBLIC, new ChatRoomNameClaimed(ROOM, LOBBY, T0))
                .thenStateSatisfies(s -> assertThat(s).isEqualTo(new ChatRoomDecider().replay(java.util.List.of(PUBLIC))));
        spec.given(new ChatRoomNameClaimed(ROOM, LOBBY, T0)).thenStateSatisfies(s -> assertThat(s).isInstanceOf(ChatRoomState.Unopened.class));
    }

    // ---- plugins speaking ----

    static final PluginName RESPONDER = new PluginName("auto-responder");

    @Test
    void a_plugin_speaks_as_itself_in_a_public_room_without_joining_it() {
        spec.given(PUBLIC).when(new SayAsPlugin(RESPONDER, new ChatText("It is noon."), T0))
                .then(new ChatPluginMessageSent(ROOM, RESPONDER, new ChatText("It is noon."), T0));
        spec.given(PUBLIC, new ChatPluginMessageSent(ROOM, RESPONDER, new ChatText("It is noon."), T0))
                .thenStateSatisfies(s -> assertThat(s).isEqualTo(new ChatRoomDecider().replay(java.util.List.of(PUBLIC))));
    }

    @Test
    void a_plugin_finds_no_private_room_and_no_room_that_was_never_opened() {
        spec.given(PRIVATE).when(new SayAsPlugin(RESPONDER, new ChatText("hello"), T0)).thenRejectedWith(new NoSuchRoom());
        spec.given().when(new SayAsPlugin(RESPONDER, new ChatText("hello"), T0)).thenRejectedWith(new NoSuchRoom());
    }

    // ---- joining and leaving ----

    @Test
    void membership_is_per_session_so_one_caller_joins_from_telnet_and_the_web_at_once() {
        spec.given(PUBLIC).when(new Join(ALICE, ALICE_TELNET, T0.plusSeconds(1))).then(joined(ALICE, ALICE_TELNET));
        spec.given(PUBLIC, joined(ALICE, ALICE_TELNET)).when(new Join(ALICE, ALICE_WEB, T0.plusSeconds(1)))
                .then(joined(ALICE, ALICE_WEB))
                .thenStateSatisfies(s -> assertThat(((ChatRoomState.Opened) s).sessionsOf(ALICE.account()))
                        .containsExactly(ALICE_TELNET, ALICE_WEB));
    }

    @Test
    void joining_again_from_the_same_session_records_nothing() {
        spec.given(PUBLIC, joined(ALICE, ALICE_WEB)).when(new Join(ALICE, ALICE_WEB, T0.plusSeconds(2))).thenNothing();
    }

    @Test
    void a_session_leaves_by_itself_and_leaving_again_or_someone_elses_session_records_nothing() {
        var left = new ChatLeft(ROOM, ALICE.account(), ALICE.handle(), ALICE_WEB, LeaveReason.LEFT, Optional.empty(),
                Optional.empty(), Optional.empty(), T0.plusSeconds(9));
        spec.given(PUBLIC, joined(ALICE, ALICE_WEB), joined(ALICE, ALICE_TELNET)).when(new Leave(ALICE, ALICE_WEB, T0.plusSeconds(9)))
                .then(left)
                .thenStateSatisfies(s -> assertThat(((ChatRoomState.Opened) s).sessionsOf(ALICE.account())).containsExactly(ALICE_TELNET));
        spec.given(PUBLIC, joined(ALICE, ALICE_WEB), left).when(new Leave(ALICE, ALICE_WEB, T0.plusSeconds(10))).thenNothing();
        spec.given(PUBLIC, joined(ALICE, ALICE_WEB)).when(new Leave(BOB, ALICE_WEB, T0.plusSeconds(10))).thenNothing();
    }

    @Test
    void a_private_room_takes_its_creator_its_invitees_and_sysops_and_is_no_room_to_anyone_else() {
        spec.given(PRIVATE).when(new Join(ALICE, ALICE_WEB, T0.plusSeconds(1))).then(joined(ALICE, ALICE_WEB));
        spec.given(PRIVATE).when(new Join(BOB, BOB_WEB, T0)).thenRejectedWith(new NoSuchRoom());
        // Moderators are not invited by their role.
        spec.given(PRIVATE).when(new Join(MOD, session(21), T0)).thenRejectedWith(new NoSuchRoom());
        spec.given(PRIVATE).when(new Join(ROOT, session(11), T0.plusSeconds(1))).then(joined(ROOT, session(11)));
        var invited = new ChatInvited(ROOM, BOB.account(), BOB.handle(), ALICE.account(), T0);
        spec.given(PRIVATE, invited).when(new Join(BOB, BOB_WEB, T0.plusSeconds(1))).then(joined(BOB, BOB_WEB));
    }

    // ---- invitations ----

    @Test
    void the_creator_or_a_sysop_invites_once_into_a_private_room() {
        var invited = new ChatInvited(ROOM, BOB.account(), BOB.handle(), ALICE.account(), T0);
        spec.given(PRIVATE).when(new Invite(ALICE, BOB, T0)).then(invited);
        spec.given(PRIVATE).when(new Invite(ROOT, CAROL, T0)).then(new ChatInvited(ROOM, CAROL.account(), CAROL.handle(), ROOT.account(), T0));
        spec.given(PRIVATE, invited).when(new Invite(ALICE, BOB, T0.plusSeconds(5))).thenNothing();
        spec.given(PRIVATE).when(new Invite(ROOT, ALICE, T0)).thenNothing();         // the creator is always in
    }

    @Test
    void invitations_are_refused_to_invitees_strangers_in_public_rooms_and_to_oneself() {
        var invited = new ChatInvited(ROOM, BOB.account(), BOB.handle(), ALICE.account(), T0);
        spec.given(PRIVATE, invited).when(new Invite(BOB, CAROL, T0)).thenRejectedWith(new NotAllowed("invite to this room"));
        spec.given(PRIVATE).when(new Invite(CAROL, BOB, T0)).thenRejectedWith(new NoSuchRoom());
        spec.given(PUBLIC).when(new Invite(MOD, BOB, T0)).thenRejectedWith(new RoomIsPublic());
        spec.given(PRIVATE).when(new Invite(ALICE, ALICE, T0)).thenRejectedWith(new CannotTargetYourself());
    }

    // ---- speaking ----

    @Test
    void a_joined_session_says_and_acts() {
        spec.given(PUBLIC, joined(ALICE, ALICE_WEB)).when(new Say(ALICE, ALICE_WEB, ChatLine.parse("hello all"), T0.plusSeconds(3)))
                .then(new ChatMessageSent(ROOM, ALICE.account(), ALICE.handle(), ALICE_WEB, LineKind.SAY, new ChatText("hello all"),
                        T0.plusSeconds(3)));
        spec.given(PUBLIC, joined(ALICE, ALICE_WEB)).when(new Say(ALICE, ALICE_WEB, ChatLine.parse("/me waves"), T0.plusSeconds(4)))
                .then(new ChatMessageSent(ROOM, ALICE.account(), ALICE.handle(), ALICE_WEB, LineKind.ACTION, new ChatText("waves"),
                        T0.plusSeconds(4)));
    }

    @Test
    void a_session_that_has_not_joined_or_has_left_or_is_anothers_says_nothing() {
        spec.given(PUBLIC).when(new Say(ALICE, ALICE_WEB, ChatLine.say("hi"), T0)).thenRejectedWith(new NotJoined());
        spec.given(PUBLIC, joined(ALICE, ALICE_TELNET)).when(new Say(ALICE, ALICE_WEB, ChatLine.say("hi"), T0))
                .thenRejectedWith(new NotJoined());
        spec.given(PUBLIC, joined(ALICE, ALICE_WEB)).when(new Say(BOB, ALICE_WEB, ChatLine.say("hi"), T0))
                .thenRejectedWith(new NotJoined());
        spec.given(PUBLIC, joined(ALICE, ALICE_WEB), kicked(ALICE, ALICE_WEB, MOD, "flood", T0))
                .when(new Say(ALICE, ALICE_WEB, ChatLine.say("hi"), T0.plusSeconds(1))).thenRejectedWith(new NotJoined());
    }

    @Test
    void a_muted_members_lines_are_refused_until_the_mute_runs_out_or_is_lifted() {
        var until = T0.plus(Duration.ofMinutes(10));
        var mute = muted(ALICE, MOD, until);
        spec.given(PUBLIC, joined(ALICE, ALICE_WEB), mute).when(new Say(ALICE, ALICE_WEB, ChatLine.say("hi"), T0.plusSeconds(60)))
                .thenRejectedWith(new Muted(until));
        spec.given(PUBLIC, joined(ALICE, ALICE_WEB), mute).when(new Say(ALICE, ALICE_WEB, ChatLine.say("back"), until))
                .then(new ChatMessageSent(ROOM, ALICE.account(), ALICE.handle(), ALICE_WEB, LineKind.SAY, new ChatText("back"), until));
        var lifted = new ChatMemberUnmuted(ROOM, ALICE.account(), ALICE.handle(), MOD.account(), MOD.handle(), T0.plusSeconds(90));
        spec.given(PUBLIC, joined(ALICE, ALICE_WEB), mute, lifted)
                .when(new Say(ALICE, ALICE_WEB, ChatLine.say("thanks"), T0.plusSeconds(91)))
                .then(new ChatMessageSent(ROOM, ALICE.account(), ALICE.handle(), ALICE_WEB, LineKind.SAY, new ChatText("thanks"),
                        T0.plusSeconds(91)));
    }

    @Test
    void a_muted_member_still_joins_and_listens() {
        spec.given(PUBLIC, muted(ALICE, MOD, T0.plus(Duration.ofHours(1)))).when(new Join(ALICE, ALICE_WEB, T0.plusSeconds(1)))
                .then(joined(ALICE, ALICE_WEB));
    }

    // ---- kicking ----

    @Test
    void a_kick_puts_every_session_of_the_account_out_with_the_reason_and_who_kicked() {
        var at = T0.plusSeconds(30);
        spec.given(PUBLIC, joined(ALICE, ALICE_TELNET), joined(BOB, BOB_WEB), joined(ALICE, ALICE_WEB))
                .when(new Kick(MOD2, ALICE, "  Flooding the room ", at))
                .then(kicked(ALICE, ALICE_TELNET, MOD2, "Flooding the room", at), kicked(ALICE, ALICE_WEB, MOD2, "Flooding the room", at))
                .thenStateSatisfies(s -> assertThat(((ChatRoomState.Opened) s).members().keySet()).containsExactly(BOB_WEB));
    }

    @Test
    void the_rooms_creator_moderators_and_sysops_kick_only_those_below_them() {
        var room = new ChatRoomEvent[] {PUBLIC, joined(ALICE, ALICE_WEB), joined(MOD2, session(31)), joined(ROOT, session(11)),
                joined(MOD, session(21))};
        spec.given(room).when(new Kick(BOB, ALICE, "no", T0)).thenRejectedWith(new NotAllowed("kick in this room"));
        spec.given(room).when(new Kick(MOD, MOD2, "rival", T0)).thenRejectedWith(new Outranked(MOD2.handle()));
        spec.given(room).when(new Kick(MOD, ROOT, "coup", T0)).thenRejectedWith(new Outranked(ROOT.handle()));
        spec.given(room).when(new Kick(ROOT, MOD, "demoted", T0)).then(kicked(MOD, session(21), ROOT, "demoted", T0));
        spec.given(room).when(new Kick(MOD, MOD, "me", T0)).thenRejectedWith(new CannotTargetYourself());
        spec.given(room).when(new Kick(MOD, CAROL, "absent", T0)).thenRejectedWith(new NotInRoom(CAROL.handle()));
    }

    @Test
    void the_creator_of_a_private_room_moderates_it_but_not_a_moderator_in_it() {
        var invitedBob = new ChatInvited(ROOM, BOB.account(), BOB.handle(), ALICE.account(), T0);
        var invitedMod = new ChatInvited(ROOM, MOD.account(), MOD.handle(), ALICE.account(), T0);
        var room = new ChatRoomEvent[] {PRIVATE, invitedBob, invitedMod, joined(BOB, BOB_WEB), joined(MOD, session(21))};
        spec.given(room).when(new Kick(ALICE, BOB, "enough", T0)).then(kicked(BOB, BOB_WEB, ALICE, "enough", T0));
        spec.given(room).when(new Kick(ALICE, MOD, "enough", T0)).thenRejectedWith(new Outranked(MOD.handle()));
        spec.given(room).when(new Kick(MOD, BOB, "invited moderators moderate", T0))
                .then(kicked(BOB, BOB_WEB, MOD, "invited moderators moderate", T0));
        // A moderator who may not join a private room does not see it.
        spec.given(PRIVATE, joined(ALICE, ALICE_WEB)).when(new Kick(MOD2, ALICE, "uninvited", T0))
                .thenRejectedWith(new NoSuchRoom());
        spec.given(PRIVATE, invitedBob, joined(ALICE, ALICE_WEB)).when(new Kick(BOB, ALICE, "mutiny", T0))
                .thenRejectedWith(new NotAllowed("kick in this room"));
    }

    @Test
    void a_kick_needs_a_reason_on_one_line() {
        assertThatThrownBy(() -> new Kick(MOD, ALICE, " ", T0)).isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> new Kick(MOD, ALICE, "line\nbreak", T0)).isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> new Kick(MOD, ALICE, "x".repeat(201), T0)).isInstanceOf(InvalidValue.class);
    }

    // ---- muting ----

    @Test
    void a_moderator_mutes_for_a_time_with_a_reason_and_muting_again_sets_a_new_end() {
        var mute = new Mute(MOD, ALICE, Duration.ofMinutes(10), "Cool down", T0);
        spec.given(PUBLIC).when(mute).then(muted(ALICE, MOD, T0.plus(Duration.ofMinutes(10))));
        spec.given(PUBLIC, muted(ALICE, MOD, T0.plus(Duration.ofMinutes(10))))
                .when(new Mute(ROOT, ALICE, Duration.ofHours(1), "Cool down", T0))
                .then(muted(ALICE, ROOT, T0.plus(Duration.ofHours(1))))
                .thenStateSatisfies(s -> assertThat(((ChatRoomState.Opened) s).mutedUntil(ALICE.account(), T0.plusSeconds(1)))
                        .contains(T0.plus(Duration.ofHours(1))));
    }

    @Test
    void mutes_follow_the_same_ranks_as_kicks() {
        spec.given(PUBLIC).when(new Mute(BOB, ALICE, Duration.ofMinutes(5), "no", T0)).thenRejectedWith(new NotAllowed("mute in this room"));
        spec.given(PUBLIC).when(new Mute(MOD2, MOD, Duration.ofMinutes(5), "the creator moderates too", T0))
                .thenRejectedWith(new Outranked(MOD.handle()));
        spec.given(PUBLIC).when(new Mute(MOD, MOD, Duration.ofMinutes(5), "me", T0)).thenRejectedWith(new CannotTargetYourself());
        spec.given(PUBLIC).when(new Mute(MOD, ROOT, Duration.ofMinutes(5), "coup", T0)).thenRejectedWith(new Outranked(ROOT.handle()));
    }

    @Test
    void a_mute_lasts_a_minute_to_a_week() {
        assertThatThrownBy(() -> new Mute(MOD, ALICE, Duration.ofSeconds(59), "short", T0)).isInstanceOf(InvalidValue.class)
                .extracting(e -> ((InvalidValue) e).field()).isEqualTo("minutes");
        assertThatThrownBy(() -> new Mute(MOD, ALICE, Duration.ofDays(7).plusMinutes(1), "long", T0)).isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> new Mute(MOD, ALICE, Duration.ofMinutes(5), "", T0)).isInstanceOf(InvalidValue.class);
        assertThat(new Mute(MOD, ALICE, Duration.ofDays(7), "long", T0).until()).isEqualTo(T0.plus(Duration.ofDays(7)));
    }

    @Test
    void unmuting_lifts_a_running_mute_and_records_nothing_otherwise() {
        var mute = muted(ALICE, MOD, T0.plus(Duration.ofMinutes(10)));
        spec.given(PUBLIC, mute).when(new Unmute(MOD2, ALICE, T0.plusSeconds(60)))
                .then(new ChatMemberUnmuted(ROOM, ALICE.account(), ALICE.handle(), MOD2.account(), MOD2.handle(), T0.plusSeconds(60)));
        spec.given(PUBLIC).when(new Unmute(MOD, ALICE, T0)).thenNothing();
        spec.given(PUBLIC, mute).when(new Unmute(MOD, ALICE, T0.plus(Duration.ofMinutes(10)))).thenNothing();  // ran out
        spec.given(PUBLIC, mute).when(new Unmute(ALICE, ALICE, T0)).thenRejectedWith(new CannotTargetYourself());
        spec.given(PUBLIC, mute).when(new Unmute(BOB, ALICE, T0)).thenRejectedWith(new NotAllowed("unmute in this room"));
    }
}
