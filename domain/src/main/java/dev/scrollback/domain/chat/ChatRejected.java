package dev.scrollback.domain.chat;

import dev.scrollback.domain.shared.Handle;
import dev.scrollback.domain.shared.Rejection;
import java.time.Instant;

/** A chat or page command was refused; {@link #reason()} says why, as a record every adapter maps exhaustively. */
public final class ChatRejected extends Rejection {
    public sealed interface Reason {}

    /** No room by that id that the caller may enter: none at all, or a private one they are not invited to. */
    public record NoSuchRoom() implements Reason {}

    /** Room ids are fresh per room; a second create on one stream is a bug or a replay. */
    public record RoomExists() implements Reason {}

    /** Another room has this name (compared without case or width). */
    public record RoomNameTaken(RoomName name) implements Reason {}

    /** The caller's roles (or their place in the room) do not let them do {@code what}. */
    public record NotAllowed(String what) implements Reason {}

    /** Invitations are for private rooms; a public room is open to every member. */
    public record RoomIsPublic() implements Reason {}

    /** Only a session that has joined the room speaks in it. */
    public record NotJoined() implements Reason {}

    /** A content filter (plugin {@code plugin}) refused the line, saying why. */
    public record FilteredOut(String plugin, String why) implements Reason {}

    /** A moderator silenced the caller in this room until {@code until}. */
    public record Muted(Instant until) implements Reason {}

    /** Kicking, muting or inviting oneself makes no sense: leave the room instead. */
    public record CannotTargetYourself() implements Reason {}

    /** {@code target} ranks as high as the moderator or higher (sysop, then moderator, then the room's creator). */
    public record Outranked(Handle target) implements Reason {}

    /** {@code target} has no session in the room to kick. */
    public record NotInRoom(Handle target) implements Reason {}

    /** No member goes by that handle. */
    public record UnknownCaller(Handle handle) implements Reason {}

    /** A page to oneself would only interrupt oneself. */
    public record CannotPageYourself() implements Reason {}

    /** Pages go only to callers online now: a page is an interruption, not mail. */
    public record NotOnline(Handle handle) implements Reason {}

    /** Page ids are fresh per page; a second send on one stream is a bug or a replay. */
    public record PageAlreadySent() implements Reason {}

    private final Reason reason;

    public ChatRejected(Reason reason) {
        super(reason);
        this.reason = reason;
    }

    @Override
    public Reason reason() {
        return reason;
    }
}
