package dev.scrollback.adapters.telnet.chat;

import dev.scrollback.domain.chat.ChatRejected;
import dev.scrollback.domain.shared.InvalidValue;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** One clear line for every way chat and pages can be refused. Exhaustive: a new reason will not compile here. */
final class ChatRefusals {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private ChatRefusals() {}

    static String explain(ChatRejected.Reason reason) {
        return switch (reason) {
            case ChatRejected.NoSuchRoom none -> "There is no such room (or it is private).";
            case ChatRejected.RoomExists exists -> "That room exists already.";
            case ChatRejected.RoomNameTaken taken -> "A room called " + taken.name().value() + " exists already.";
            case ChatRejected.NotAllowed not -> "You may not " + not.what() + ".";
            case ChatRejected.RoomIsPublic open -> "Everyone may come into this room; no invitation is needed.";
            case ChatRejected.NotJoined out -> "You are not in this room any more.";
            case ChatRejected.FilteredOut filtered -> "Not said: the content filter " + filtered.plugin() + " refused it ("
                    + filtered.why() + ").";
            case ChatRejected.Muted muted -> "You are muted here until " + TIME.format(muted.until()) + ".";
            case ChatRejected.CannotTargetYourself self -> "Not yourself.";
            case ChatRejected.Outranked outranked -> outranked.target().value() + " outranks you here.";
            case ChatRejected.NotInRoom absent -> absent.target().value() + " is not in the room.";
            case ChatRejected.UnknownCaller unknown -> "No member goes by the handle " + unknown.handle().value() + ".";
            case ChatRejected.CannotPageYourself self -> "You cannot page yourself.";
            case ChatRejected.NotOnline offline -> offline.handle().value() + " is not online; send mail instead.";
            case ChatRejected.PageAlreadySent sent -> "That page was sent already.";
        };
    }

    static String explain(InvalidValue invalid) {
        var field = invalid.field();
        var name = field.isEmpty() ? "That" : field.substring(0, 1).toUpperCase(Locale.ROOT) + field.substring(1);
        return name + " " + invalid.getMessage() + ".";
    }
}
