package dev.scrollback.adapters.telnet.chat;

import dev.scrollback.adapters.telnet.shared.CallerConsole;
import dev.scrollback.adapters.telnet.shared.Echo;
import dev.scrollback.application.accounts.AccessDenied;
import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.chat.ChatRooms;
import dev.scrollback.application.chat.CreateChatRoom;
import dev.scrollback.application.chat.InviteToChatRoom;
import dev.scrollback.application.chat.JoinChatRoom;
import dev.scrollback.application.chat.KickFromChatRoom;
import dev.scrollback.application.chat.LeaveChatRoom;
import dev.scrollback.application.chat.ListChatRooms;
import dev.scrollback.application.chat.MuteInChatRoom;
import dev.scrollback.application.chat.SendChatMessage;
import dev.scrollback.application.chat.SendPage;
import dev.scrollback.application.chat.ShowChatRoom;
import dev.scrollback.application.shared.Activity;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.application.shared.RateLimited;
import dev.scrollback.domain.accounts.Role;
import dev.scrollback.domain.chat.ChatRejected;
import dev.scrollback.domain.chat.ChatRoomEvent.ChatJoined;
import dev.scrollback.domain.chat.ChatRoomEvent.ChatLeft;
import dev.scrollback.domain.chat.ChatRoomEvent.ChatMemberMuted;
import dev.scrollback.domain.chat.ChatRoomEvent.ChatMessageSent;
import dev.scrollback.domain.chat.ChatRoomEvent.ChatPluginMessageSent;
import dev.scrollback.domain.chat.ChatRoomId;
import dev.scrollback.domain.chat.ChatTopic;
import dev.scrollback.domain.chat.LineKind;
import dev.scrollback.domain.chat.PageText;
import dev.scrollback.domain.chat.RoomKind;
import dev.scrollback.domain.chat.RoomName;
import dev.scrollback.domain.shared.DomainEvent;
import dev.scrollback.domain.shared.Handle;
import dev.scrollback.domain.shared.InvalidValue;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Chat on the terminal (issue 5): the rooms the caller may enter, and a room as a running conversation — the last
 * lines on joining, then every line, join, leave and mute as it is recorded (from telnet, the web or another
 * instance), shown above the caller's prompt without disturbing what they are typing. Commands start with "/":
 * {@code /me}, {@code /who}, {@code /page}, {@code /invite}, {@code /kick}, {@code /mute}, {@code /quit}. Everything goes
 * through the same use cases as the REST API.
 */
public final class ChatScreen {
    static final String HELP = "/me action  /who  /page handle text  /invite handle  /kick handle reason  "
            + "/mute handle minutes reason  /quit  (// types a /)";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

    private final ListChatRooms listRooms;
    private final JoinChatRoom joinRoom;
    private final LeaveChatRoom leaveRoom;
    private final SendChatMessage sendLine;
    private final CreateChatRoom createRoom;
    private final InviteToChatRoom invite;
    private final KickFromChatRoom kick;
    private final MuteInChatRoom mute;
    private final SendPage page;
    private final RoomWatch live;

    public ChatScreen(ListChatRooms listRooms, JoinChatRoom joinRoom, LeaveChatRoom leaveRoom, SendChatMessage sendLine,
                      CreateChatRoom createRoom, InviteToChatRoom invite, KickFromChatRoom kick, MuteInChatRoom mute,
                      SendPage page, RoomWatch live) {
        this.listRooms = listRooms;
        this.joinRoom = joinRoom;
        this.leaveRoom = leaveRoom;
        this.sendLine = sendLine;
        this.createRoom = createRoom;
        this.invite = invite;
        this.kick = kick;
        this.mute = mute;
        this.page = page;
        this.live = live;
    }

    /** Chat and pages are for members and sysops. */
    public boolean offeredTo(Caller caller) {
        return caller.holds(Role.MEMBER) || caller.holds(Role.SYSOP);
    }

    /** The room list; returns to the main menu on Q. */
    public void run(CallerConsole console, Caller caller, Origin origin) {
        while (true) {
            console.doing(new Activity("choosing a chat room"));
            var rooms = listRooms.list(caller);
            console.println();
            console.println(console.theme().title("Chat rooms"));
            if (rooms.isEmpty()) console.println("  There are no rooms yet.");
            for (int i = 0; i < rooms.size(); i++) {
                var room = rooms.get(i).room();
                console.println("  %2d  %-24s %3d in it%s%s".formatted(i + 1, room.name().value(), rooms.get(i).members(),
                        room.kind() == RoomKind.PRIVATE ? "  (private)" : "",
                        room.topic().map(t -> "  " + t.value()).orElse("")));
            }
            var choice = console.prompt("Room number, [N] New room, [P] Page someone, [Q] Back", Echo.VISIBLE)
                    .strip().toUpperCase(Locale.ROOT);
            switch (choice) {
                case "", "Q" -> {
                    return;
                }
                case "N" -> create(console, caller, origin);
                case "P" -> pageSomeone(console, caller, origin);
                default -> number(choice, rooms.size()).ifPresentOrElse(
                        n -> enter(console, caller, origin, rooms.get(n - 1).room()),
                        () -> console.println("Type a room number from 1 to " + rooms.size() + ", N, P or Q."));
            }
        }
    }

    /** [P] from anywhere: a page to a handle, breaking into their session. */
    public void pageSomeone(CallerConsole console, Caller caller, Origin origin) {
        var to = console.prompt("Page whom (a handle; Enter cancels)", Echo.VISIBLE).strip();
        if (to.isEmpty()) return;
        var text = console.prompt("Message", Echo.VISIBLE);
        if (text.isBlank()) return;
        tried(console, () -> page.page(caller, new Handle(to), new PageText(text), origin))
                .ifPresent(paged -> console.println("Paged " + paged.to().value() + "."));
    }

    private void create(CallerConsole console, Caller caller, Origin origin) {
        var name = console.prompt("Room name (empty: cancel)", Echo.VISIBLE).strip();
        if (name.isEmpty()) return;
        var kind = caller.holds(Role.MODERATOR) || caller.holds(Role.SYSOP)
                ? (console.choose("[O] Open to all members, [I] By invitation", "OI") == 'O' ? RoomKind.PUBLIC : RoomKind.PRIVATE)
                : RoomKind.PRIVATE;
        var topic = console.prompt("Topic (may be empty)", Echo.VISIBLE).strip();
        tried(console, () -> createRoom.create(caller, new RoomName(name), kind,
                topic.isEmpty() ? Optional.empty() : Optional.of(new ChatTopic(topic)), origin))
                .ifPresent(id -> console.println("Room " + name + " is open" + (kind == RoomKind.PRIVATE
                        ? "; invite people with /invite once you are in it." : ".")));
    }

    /** In a room until /quit: lines arrive above the prompt as they are recorded. */
    private void enter(CallerConsole console, Caller caller, Origin origin, ChatRooms.Room room) {
        long from = live.now();                         // before joining: nothing after the join is missed
        var joined = tried(console, () -> joinRoom.join(caller, room.id(), origin));
        if (joined.isEmpty()) return;
        var view = joined.get();
        console.doing(Activity.inChat(room.name().value()));
        console.println();
        console.println(console.theme().title("Chat: " + room.name().value()));
        room.topic().ifPresent(topic -> console.println("Topic: " + topic.value()));
        console.println("In the room: " + String.join(", ", view.members().stream().map(m -> m.handle().value()).toList()));
        console.println(HELP);
        Set<String> shown = java.util.concurrent.ConcurrentHashMap.newKeySet();
        for (var line : view.lines()) {
            console.println(format(line));
            shown.add(key(line));
        }
        var watching = live.watch(from, event -> concerns(event, room.id()),
                event -> describe(event, shown).ifPresent(console::interject));
        try {
            while (true) {
                var typed = console.prompt("You", Echo.VISIBLE);
                if (typed.isBlank()) continue;
                if (!command(console, caller, origin, room, view, typed)) return;
            }
        } finally {
            watching.close();
            try {
                leaveRoom.leave(caller, room.id(), origin);
            } catch (RuntimeException e) {
                // the session may be ending; the projection drops its memberships when it does
            }
        }
    }

    /** False when the caller leaves the room. */
    private boolean command(CallerConsole console, Caller caller, Origin origin, ChatRooms.Room room,
                            ShowChatRoom.RoomView view, String typed) {
        var words = typed.strip().split("\\s+", 3);
        var verb = words[0].toLowerCase(Locale.ROOT);
        switch (verb) {
            case "/quit", "/q", "/leave" -> {
                console.println("You left " + room.name().value() + ".");
                return false;
            }
            case "/help", "/h", "/?" -> console.println(HELP);
            case "/who" -> console.println("In the room: " + String.join(", ",
                    joinRoom.join(caller, room.id(), origin).members().stream().map(m -> m.handle().value()).toList()));
            case "/page" -> {
                if (words.length < 3) console.println("Say /page, a handle and what to say.");
                else tried(console, () -> page.page(caller, new Handle(words[1]), new PageText(words[2]), origin))
                        .ifPresent(paged -> console.println("Paged " + paged.to().value() + "."));
            }
            case "/invite" -> {
                if (words.length < 2) console.println("Say /invite and a handle.");
                else tried(console, () -> invite.invite(caller, room.id(), new Handle(words[1]), origin))
                        .ifPresent(done -> console.println(words[1] + (done ? " may come in now." : " was invited already.")));
            }
            case "/kick" -> {
                if (words.length < 3) console.println("Say /kick, a handle and a reason.");
                else tried(console, () -> kick.kick(caller, room.id(), new Handle(words[1]), words[2], origin));
            }
            case "/mute" -> {
                var parts = typed.strip().split("\\s+", 4);
                if (parts.length < 4 || number(parts[2], 24 * 60).isEmpty()) {
                    console.println("Say /mute, a handle, minutes (1 to 1440) and a reason.");
                } else {
                    tried(console, () -> mute.mute(caller, room.id(), new Handle(parts[1]),
                            Duration.ofMinutes(Integer.parseInt(parts[2])), parts[3], origin));
                }
            }
            default -> tried(console, () -> sendLine.send(caller, room.id(), typed, origin));   // "/me", "//" and text
        }
        return true;
    }

    private static boolean concerns(DomainEvent event, ChatRoomId room) {
        return switch (event) {
            case ChatMessageSent sent -> sent.room().equals(room);
            case ChatPluginMessageSent said -> said.room().equals(room);
            case ChatJoined joined -> joined.room().equals(room);
            case ChatLeft left -> left.room().equals(room);
            case ChatMemberMuted muted -> muted.room().equals(room);
            default -> false;
        };
    }

    private static Optional<String> describe(DomainEvent event, Set<String> shown) {
        return switch (event) {
            case ChatMessageSent sent -> {
                var line = ChatRooms.Line.of(sent);
                yield shown.remove(key(line)) ? Optional.empty() : Optional.of(format(line));
            }
            case ChatPluginMessageSent said -> Optional.of(format(ChatRooms.Line.of(said)));
            case ChatJoined joined -> Optional.of("*** " + joined.handle().value() + " came in");
            case ChatLeft left -> Optional.of("*** " + left.handle().value() + switch (left.reason()) {
                case LEFT -> " left";
                case KICKED -> " was kicked" + left.note().map(n -> ": " + n).orElse("");
            });
            case ChatMemberMuted muted -> Optional.of("*** " + muted.handle().value() + " is muted until "
                    + TIME.format(muted.until()) + " UTC: " + muted.reason());
            default -> Optional.empty();
        };
    }

    /** A caller's line as {@code <Alice> text} (or {@code * Alice waves}); a plugin's as {@code [dice] text}. */
    static String format(ChatRooms.Line line) {
        var time = TIME.format(line.at());
        return switch (line.speaker()) {
            case ChatRooms.Speaker.Plugin plugin -> time + " [" + plugin.name() + "] " + line.text().value();
            case ChatRooms.Speaker.Caller caller -> line.kind() == LineKind.ACTION
                    ? time + " * " + caller.name() + " " + line.text().value()
                    : time + " <" + caller.name() + "> " + line.text().value();
        };
    }

    private static String key(ChatRooms.Line line) {
        return line.speaker() + "|" + line.at() + "|" + line.text().value();
    }

    /** Runs {@code action}; a refusal is told in one line and gives empty. */
    private static <T> Optional<T> tried(CallerConsole console, Supplier<T> action) {
        try {
            return Optional.of(action.get());
        } catch (ChatRejected refused) {
            console.println(ChatRefusals.explain(refused.reason()));
        } catch (InvalidValue invalid) {
            console.println(ChatRefusals.explain(invalid));
        } catch (RateLimited limited) {
            console.println("Slow down: try again in " + limited.retryAfterSeconds() + " seconds.");
        } catch (AccessDenied denied) {
            console.println("Chat is for members: confirm your email address first.");
        }
        return Optional.empty();
    }

    private static Optional<Integer> number(String text, int max) {
        try {
            int n = Integer.parseInt(text.strip());
            return n >= 1 && n <= max ? Optional.of(n) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
