package dev.scrollback.adapters.web.boards;

import dev.scrollback.adapters.web.shared.Problem;
import dev.scrollback.domain.boards.BoardRejected;
import dev.scrollback.domain.boards.BoardRejected.BoardExists;
import dev.scrollback.domain.boards.BoardRejected.EditWindowClosed;
import dev.scrollback.domain.boards.BoardRejected.MessageWasDeleted;
import dev.scrollback.domain.boards.BoardRejected.NoSuchBoard;
import dev.scrollback.domain.boards.BoardRejected.NoSuchMessage;
import dev.scrollback.domain.boards.BoardRejected.NoSuchThread;
import dev.scrollback.domain.boards.BoardRejected.NotAllowed;
import dev.scrollback.domain.boards.BoardRejected.NotTheAuthor;
import dev.scrollback.domain.boards.BoardRejected.ThreadExists;
import dev.scrollback.domain.boards.BoardRejected.ThreadIsLocked;
import dev.scrollback.domain.boards.ThreadDecider;
import io.javalin.config.RoutesConfig;

/**
 * Every board refusal as a problem; exhaustive, so a new reason fails to compile here. A board or thread the caller
 * may not read is a plain 404, worded like one that does not exist (the application already answers so).
 */
public final class BoardProblems {
    private BoardProblems() {}

    public static void addTo(RoutesConfig routes) {
        routes.exception(BoardRejected.class, (e, ctx) -> of(e.reason()).writeTo(ctx));
    }

    static Problem of(BoardRejected.Reason reason) {
        return switch (reason) {
            case NoSuchBoard none -> Problem.forStatus(404).withDetail("There is no such board.");
            case NoSuchThread none -> Problem.forStatus(404).withDetail("There is no such thread.");
            case NoSuchMessage none -> Problem.forStatus(404).withDetail("There is no such message in this thread.");
            case BoardExists exists -> Problem.forStatus(409).withDetail("A board with this name exists already (names "
                    + "are compared without case, across conferences); choose another name.").withField("name");
            case ThreadExists exists -> Problem.forStatus(409).withDetail("This thread exists already.");
            case ThreadIsLocked locked -> Problem.of("thread-locked", "Thread locked", 409,
                    "A moderator locked this thread: it takes no replies and no edits.");
            case BoardRejected.FilteredOut filtered -> Problem.of("filtered-out", "Refused by a content filter", 422,
                    "The content filter " + filtered.plugin() + " refused this message: " + filtered.why());
            case NotTheAuthor other -> Problem.forStatus(403).withDetail("Only the author may edit a message.");
            case NotAllowed notAllowed -> Problem.forStatus(403).withDetail("Your roles do not let you "
                    + notAllowed.what() + ".");
            case EditWindowClosed closed -> Problem.of("edit-window-closed", "Edit window closed", 409,
                    "A message can be edited for " + ThreadDecider.EDIT_WINDOW.toMinutes() + " minutes after posting; "
                            + "this one could be edited until " + closed.closedAt() + ". Post a reply instead.");
            case MessageWasDeleted deleted -> Problem.of("message-deleted", "Message deleted", 409,
                    "A moderator deleted this message; it can no longer be edited or deleted.");
        };
    }
}
