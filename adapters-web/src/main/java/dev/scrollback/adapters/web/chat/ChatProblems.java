package dev.scrollback.adapters.web.chat;

import dev.scrollback.adapters.web.shared.Problem;
import dev.scrollback.domain.chat.ChatRejected;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * Every chat and page refusal as a problem; exhaustive, so a new reason fails to compile here. A private room the
 * caller may not enter is a plain 404, worded like one that does not exist (the application already answers so).
 */
public final class ChatProblems {
    static final String PAGES = "/api/v1/pages";

    private ChatProblems() {}

    public static void addTo(RoutesConfig routes) {
        routes.exception(ChatRejected.class, (e, ctx) -> of(e.reason(), handleField(ctx)).writeTo(ctx));
    }

    /** The input that named the other caller: {@code to} on a page, {@code handle} in a room (body or path). */
    private static String handleField(Context ctx) {
        return ctx.path().startsWith(PAGES) ? "to" : "handle";
    }

    static Problem of(ChatRejected.Reason reason, String handleField) {
        return switch (reason) {
            case ChatRejected.NoSuchRoom none -> Problem.forStatus(404).withDetail("There is no such chat room.");
            case ChatRejected.RoomExists exists -> Problem.forStatus(409).withDetail("This room exists already.");
            case ChatRejected.RoomNameTaken taken -> Problem.of("room-name-taken", "Room name taken", 409,
                    ("A room called '%s' exists already (names are compared without case or width); choose another name.")
                            .formatted(taken.name().value())).withField("name");
            case ChatRejected.NotAllowed notAllowed -> Problem.forStatus(403)
                    .withDetail("Your roles do not let you " + notAllowed.what() + ".");
            case ChatRejected.RoomIsPublic open -> Problem.of("room-is-public", "Room is public", 409,
                    "Every member may join a public room; invitations are for private rooms.");
            case ChatRejected.NotJoined notJoined -> Problem.of("not-joined", "Not in the room", 409,
                    "Join the room first (POST /api/v1/chat/rooms/{id}/join); only a session in the room speaks in it.");
            case ChatRejected.FilteredOut filtered -> Problem.of("filtered-out", "Refused by a content filter", 422,
                    "The content filter " + filtered.plugin() + " refused this line: " + filtered.why());
            case ChatRejected.Muted muted -> Problem.of("muted", "Muted", 403,
                    "A moderator muted you in this room until " + muted.until() + ".");
            case ChatRejected.CannotTargetYourself self -> Problem.of("cannot-target-yourself", "Cannot target yourself", 422,
                    "You cannot invite, kick or mute yourself; to go, leave the room.").withField(handleField);
            case ChatRejected.Outranked outranked -> Problem.forStatus(403).withDetail(("'%s' ranks as high as you or higher "
                    + "(sysop, then moderator, then the room's creator).").formatted(outranked.target().value()));
            case ChatRejected.NotInRoom absent -> Problem.of("not-in-room", "Not in the room", 409,
                    "'%s' is not in this room.".formatted(absent.target().value())).withField(handleField);
            case ChatRejected.UnknownCaller unknown -> Problem.of("unknown-caller", "Unknown caller", 422,
                    "No member goes by the handle '%s'.".formatted(unknown.handle().value())).withField(handleField);
            case ChatRejected.CannotPageYourself self -> Problem.of("cannot-page-yourself", "Cannot page yourself", 422,
                    "You cannot page yourself.").withField(handleField);
            case ChatRejected.NotOnline away -> Problem.of("not-online", "Not online", 409, ("'%s' is not online now, and a "
                    + "page reaches only callers who are; send private mail instead (POST /api/v1/mail).")
                    .formatted(away.handle().value())).withField(handleField);
            case ChatRejected.PageAlreadySent sent -> Problem.forStatus(409).withDetail("This page was sent already.");
        };
    }
}
