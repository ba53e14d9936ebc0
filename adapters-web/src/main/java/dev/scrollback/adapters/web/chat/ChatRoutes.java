package dev.scrollback.adapters.web.chat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scrollback.adapters.web.Routes;
import dev.scrollback.adapters.web.accounts.ApiKeyProblems;
import dev.scrollback.adapters.web.accounts.Authentication;
import dev.scrollback.adapters.web.shared.Api;
import dev.scrollback.adapters.web.shared.JsonBody;
import dev.scrollback.adapters.web.shared.RequestOrigin;
import dev.scrollback.adapters.web.shared.ValidationFailed;
import dev.scrollback.application.chat.ChatRooms;
import dev.scrollback.application.chat.CreateChatRoom;
import dev.scrollback.application.chat.InviteToChatRoom;
import dev.scrollback.application.chat.JoinChatRoom;
import dev.scrollback.application.chat.KickFromChatRoom;
import dev.scrollback.application.chat.LeaveChatRoom;
import dev.scrollback.application.chat.ListChatRooms;
import dev.scrollback.application.chat.MuteInChatRoom;
import dev.scrollback.application.chat.SendChatMessage;
import dev.scrollback.application.chat.ShowChatRoom;
import dev.scrollback.application.chat.UnmuteInChatRoom;
import dev.scrollback.domain.chat.ChatRoomCommand;
import dev.scrollback.domain.chat.ChatRoomId;
import dev.scrollback.domain.chat.ChatTopic;
import dev.scrollback.domain.chat.RoomKind;
import dev.scrollback.domain.chat.RoomName;
import dev.scrollback.domain.shared.Handle;
import dev.scrollback.domain.shared.InvalidValue;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Chat rooms over REST, for the web UI and other clients. The session that joins, speaks and leaves is the one the
 * access token belongs to ({@code Caller.session()}); an API key has no session and is refused (chat is live talk
 * between people). Who may see or do what is the application's to decide; a private room the caller may not enter is
 * 404, like one that does not exist. Answers are never cached: rooms hold what people said.
 */
public final class ChatRoutes implements Routes {
    static final String ROOMS = "/api/v1/chat/rooms";
    static final String ROOM = ROOMS + "/{id}";

    private final CreateChatRoom createChatRoom;
    private final ListChatRooms listChatRooms;
    private final ShowChatRoom showChatRoom;
    private final JoinChatRoom joinChatRoom;
    private final LeaveChatRoom leaveChatRoom;
    private final SendChatMessage sendChatMessage;
    private final InviteToChatRoom inviteToChatRoom;
    private final KickFromChatRoom kickFromChatRoom;
    private final MuteInChatRoom muteInChatRoom;
    private final UnmuteInChatRoom unmuteInChatRoom;
    private final Authentication authentication;

    public ChatRoutes(CreateChatRoom createChatRoom, ListChatRooms listChatRooms, ShowChatRoom showChatRoom,
                      JoinChatRoom joinChatRoom, LeaveChatRoom leaveChatRoom, SendChatMessage sendChatMessage,
                      InviteToChatRoom inviteToChatRoom, KickFromChatRoom kickFromChatRoom, MuteInChatRoom muteInChatRoom,
                      UnmuteInChatRoom unmuteInChatRoom, Authentication authentication) {
        this.createChatRoom = createChatRoom;
        this.listChatRooms = listChatRooms;
        this.showChatRoom = showChatRoom;
        this.joinChatRoom = joinChatRoom;
        this.leaveChatRoom = leaveChatRoom;
        this.sendChatMessage = sendChatMessage;
        this.inviteToChatRoom = inviteToChatRoom;
        this.kickFromChatRoom = kickFromChatRoom;
        this.muteInChatRoom = muteInChatRoom;
        this.unmuteInChatRoom = unmuteInChatRoom;
        this.authentication = authentication;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get(ROOMS, this::rooms);
        routes.post(ROOMS, this::create);
        routes.get(ROOM, this::show);
        routes.post(ROOM + "/join", this::join);
        routes.post(ROOM + "/leave", this::leave);
        routes.post(ROOM + "/messages", this::say);
        routes.post(ROOM + "/invitations", this::invite);
        routes.post(ROOM + "/kick", this::kick);
        routes.post(ROOM + "/mute", this::mute);
        routes.delete(ROOM + "/mute/{handle}", this::unmute);
        ChatProblems.addTo(routes);
        ApiKeyProblems.addTo(routes);                   // an API key: 403, chat needs an interactive login
    }

    @Override
    public void describe(Api api) {
        api.get(ROOMS).summary("The chat rooms I may enter, with how many are in each").authenticated()
                .answers(200, RoomList.class).problems(403);
        api.post(ROOMS).summary("Open a chat room (public: moderators and sysops; private: any member)").authenticated()
                .body(RoomForm.class).answers(201, Created.class).problems(400, 403, 409, 429);
        api.get(ROOM).summary("A chat room: who is in it and its last lines").authenticated()
                .answers(200, RoomPage.class).problems(400, 403, 404);
        api.post(ROOM + "/join").summary("Join a room with this session; answers the room with its last lines")
                .authenticated().answers(200, RoomPage.class).problems(400, 403, 404, 429);
        api.post(ROOM + "/leave").summary("Leave a room with this session").authenticated()
                .answers(200, Left.class).problems(400, 403, 404);
        api.post(ROOM + "/messages").summary("Say a line in a room (\"/me waves\" is an action, \"//x\" says \"/x\")")
                .authenticated().body(LineForm.class).answers(201, LineView.class).problems(400, 403, 404, 409, 429);
        api.post(ROOM + "/invitations").summary("Invite a member into a private room (its creator or a sysop)")
                .authenticated().body(InviteForm.class).answers(200, Invited.class).problems(400, 403, 404, 409, 422, 429);
        api.post(ROOM + "/kick").summary("Moderator: put every session of a caller out of the room, with a reason")
                .authenticated().body(KickForm.class).answers(200, Kicked.class).problems(400, 403, 404, 409, 422);
        api.post(ROOM + "/mute").summary("Moderator: mute a caller in the room for some minutes, with a reason")
                .authenticated().body(MuteForm.class).answers(200, MutedView.class).problems(400, 403, 404, 422);
        api.delete(ROOM + "/mute/{handle}").summary("Moderator: lift a mute early").authenticated()
                .answers(200, Unmuted.class).problems(400, 403, 404, 422);
    }

    private void rooms(Context ctx) {
        var caller = authentication.caller(ctx);
        noStore(ctx).json(new RoomList(listChatRooms.list(caller).stream().map(RoomSummaryView::of).toList()));
    }

    private void create(Context ctx) {
        var caller = authentication.caller(ctx);
        var form = JsonBody.read(ctx, RoomForm.class);
        var kind = RoomKind.ofWireName(JsonBody.required(form.kind(), "kind"))
                .orElseThrow(() -> ValidationFailed.field("kind", "must be \"public\" or \"private\""));
        var name = new RoomName(form.name());
        var topic = Optional.ofNullable(form.topic()).filter(t -> !t.isBlank()).map(ChatTopic::new);
        var room = createChatRoom.create(caller, name, kind, topic, RequestOrigin.of(ctx));
        ctx.header("Location", ROOMS + "/" + room);
        ctx.status(HttpStatus.CREATED).json(new Created(room.toString()));
    }

    private void show(Context ctx) {
        var caller = authentication.caller(ctx);
        noStore(ctx).json(RoomPage.of(showChatRoom.show(caller, roomId(ctx))));
    }

    private void join(Context ctx) {
        var caller = authentication.caller(ctx);
        var view = joinChatRoom.join(caller, roomId(ctx), RequestOrigin.of(ctx));
        noStore(ctx).json(RoomPage.of(view));
    }

    private void leave(Context ctx) {
        var caller = authentication.caller(ctx);
        ctx.json(new Left(leaveChatRoom.leave(caller, roomId(ctx), RequestOrigin.of(ctx))));
    }

    private void say(Context ctx) {
        var caller = authentication.caller(ctx);
        var room = roomId(ctx);
        var form = JsonBody.read(ctx, LineForm.class);
        var said = sendChatMessage.send(caller, room, JsonBody.required(form.text(), "text"), RequestOrigin.of(ctx));
        noStore(ctx).status(HttpStatus.CREATED).json(LineView.of(said));
    }

    private void invite(Context ctx) {
        var caller = authentication.caller(ctx);
        var room = roomId(ctx);
        var form = JsonBody.read(ctx, InviteForm.class);
        var handle = as("handle", JsonBody.required(form.handle(), "handle"), Handle::new);
        boolean changed = inviteToChatRoom.invite(caller, room, handle, RequestOrigin.of(ctx));
        ctx.json(new Invited(handle.value(), changed));
    }

    private void kick(Context ctx) {
        var caller = authentication.caller(ctx);
        var room = roomId(ctx);
        var form = JsonBody.read(ctx, KickForm.class);
        var handle = as("handle", JsonBody.required(form.handle(), "handle"), Handle::new);
        int sessions = kickFromChatRoom.kick(caller, room, handle, JsonBody.required(form.reason(), "reason"),
                RequestOrigin.of(ctx));
        ctx.json(new Kicked(handle.value(), sessions));
    }

    private void mute(Context ctx) {
        var caller = authentication.caller(ctx);
        var room = roomId(ctx);
        var form = JsonBody.read(ctx, MuteForm.class);
        var handle = as("handle", JsonBody.required(form.handle(), "handle"), Handle::new);
        var length = Duration.ofMinutes(form.wholeMinutes());
        var until = muteInChatRoom.mute(caller, room, handle, length, JsonBody.required(form.reason(), "reason"),
                RequestOrigin.of(ctx));
        ctx.json(new MutedView(handle.value(), until));
    }

    private void unmute(Context ctx) {
        var caller = authentication.caller(ctx);
        var room = roomId(ctx);
        var handle = as("handle", ctx.pathParam("handle"), Handle::new);
        ctx.json(new Unmuted(handle.value(), unmuteInChatRoom.unmute(caller, room, handle, RequestOrigin.of(ctx))));
    }

    // ---- input ----

    private static ChatRoomId roomId(Context ctx) {
        try {
            return ChatRoomId.parse(ctx.pathParam("id"));
        } catch (InvalidValue e) {
            throw ValidationFailed.field("id", "is not a chat room id (a UUID like 0190c1e2-7b3a-7c4d-8e5f-000000000000)");
        }
    }

    private static Context noStore(Context ctx) {
        return ctx.header("Cache-Control", "no-store");
    }

    /** Reads {@code text} as the value {@code field} names, so a refusal names the field the caller sent. */
    static <T> T as(String field, String text, Function<String, T> read) {
        try {
            return read.apply(text);
        } catch (InvalidValue invalid) {
            throw ValidationFailed.field(field, invalid.getMessage());
        }
    }

    /** {@code kind}: "public" or "private"; {@code topic} may be left out. */
    record RoomForm(String name, String kind, String topic) {}

    record LineForm(String text) {}

    record InviteForm(String handle) {}

    record KickForm(String handle, String reason) {}

    /** {@code minutes}: 1 to a week's worth; read as a JSON node, since Jackson would quietly cut 1.5 to 1. */
    record MuteForm(String handle, JsonNode minutes, String reason) {
        long wholeMinutes() {
            long most = ChatRoomCommand.LONGEST_MUTE.toMinutes();
            var complaint = "must be a whole number of minutes from 1 to " + most;
            if (minutes == null || minutes.isNull()) throw ValidationFailed.required("minutes");
            if (!minutes.isIntegralNumber() || !minutes.canConvertToLong()) throw ValidationFailed.field("minutes", complaint);
            long value = minutes.longValue();
            if (value < 1 || value > most) throw ValidationFailed.field("minutes", complaint);
            return value;
        }
    }

    // ---- output ----

    record RoomList(List<RoomSummaryView> rooms) {}

    /** {@code members}: callers in the room now; {@code joined}: this session is one of them. */
    record RoomSummaryView(String id, String name, String kind, Optional<String> topic, String createdBy, int members,
                           boolean joined) {
        static RoomSummaryView of(ListChatRooms.RoomSummary s) {
            var r = s.room();
            return new RoomSummaryView(r.id().toString(), r.name().value(), r.kind().wireName(), r.topic().map(ChatTopic::value),
                    r.creatorHandle().value(), s.members(), s.joined());
        }
    }

    record RoomView(String id, String name, String kind, Optional<String> topic, String createdBy, Instant createdAt) {
        static RoomView of(ChatRooms.Room r) {
            return new RoomView(r.id().toString(), r.name().value(), r.kind().wireName(), r.topic().map(ChatTopic::value),
                    r.creatorHandle().value(), r.createdAt());
        }
    }

    /** {@code sessions}: how many of the member's sessions are in the room (telnet and web at once count twice). */
    record MemberView(String handle, int sessions, Instant since) {
        static MemberView of(ChatRooms.Member m) {
            return new MemberView(m.handle().value(), m.sessions(), m.since());
        }
    }

    /**
     * {@code kind}: "say" ("Alice: text") or "action" ("* Alice text"); {@code plugin}: the line is a plugin's, and
     * {@code handle} is the plugin's name.
     */
    record LineView(String handle, String kind, String text, Instant at, boolean plugin) {
        static LineView of(ChatRooms.Line l) {
            return new LineView(l.speaker().name(), l.kind().wireName(), l.text().value(), l.at(),
                    l.speaker() instanceof ChatRooms.Speaker.Plugin);
        }
    }

    /** {@code joined}: this session is in the room; {@code mutedUntil}: I am muted here until then. */
    record RoomPage(RoomView room, boolean joined, Optional<Instant> mutedUntil, boolean mayInvite, boolean mayModerate,
                    List<MemberView> members, List<LineView> lines) {
        static RoomPage of(ShowChatRoom.RoomView v) {
            return new RoomPage(RoomView.of(v.room()), v.joined(), v.mutedUntil(), v.mayInvite(), v.mayModerate(),
                    v.members().stream().map(MemberView::of).toList(), v.lines().stream().map(LineView::of).toList());
        }
    }

    record Created(String id) {}

    /** {@code left}: false when this session was not in the room (nothing changed). */
    record Left(boolean left) {}

    /** {@code changed}: false when they were invited already. */
    record Invited(String handle, boolean changed) {}

    /** {@code sessions}: how many of their sessions were put out. */
    record Kicked(String handle, int sessions) {}

    record MutedView(String handle, Instant until) {}

    /** {@code changed}: false when they were not muted. */
    record Unmuted(String handle, boolean changed) {}
}
