package dev.scrollback.domain.boards;

import dev.scrollback.domain.shared.Rejection;
import java.time.Instant;

/** A board or thread command was refused; {@link #reason()} says why, as a record every adapter maps exhaustively. */
public final class BoardRejected extends Rejection {
    public sealed interface Reason {}

    public record NoSuchBoard() implements Reason {}

    public record BoardExists() implements Reason {}

    public record NoSuchThread() implements Reason {}

    public record ThreadExists() implements Reason {}

    public record NoSuchMessage() implements Reason {}

    public record ThreadIsLocked() implements Reason {}

    /** Only the author edits a message. */
    public record NotTheAuthor() implements Reason {}

    /** Edits are taken until {@code closedAt} (the edit window after posting). */
    public record EditWindowClosed(Instant closedAt) implements Reason {}

    public record MessageWasDeleted() implements Reason {}

    /** A content filter (plugin {@code plugin}) refused the message, saying why. */
    public record FilteredOut(String plugin, String why) implements Reason {}

    /** The caller's roles do not let them read (or post on) this board. */
    public record NotAllowed(String what) implements Reason {}

    private final Reason reason;

    public BoardRejected(Reason reason) {
        super(reason);
        this.reason = reason;
    }

    @Override
    public Reason reason() {
        return reason;
    }
}
