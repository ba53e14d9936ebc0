package dev.scrollback.application.boards;

import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.shared.Decision.Loaded;
import dev.scrollback.application.shared.EventLog;
import dev.scrollback.domain.boards.BoardDecider;
import dev.scrollback.domain.boards.BoardEvent;
import dev.scrollback.domain.boards.BoardEvent.BoardCreated;
import dev.scrollback.domain.boards.BoardId;
import dev.scrollback.domain.boards.BoardRejected;
import dev.scrollback.domain.boards.BoardRejected.NoSuchBoard;
import dev.scrollback.domain.boards.BoardRejected.NoSuchThread;
import dev.scrollback.domain.boards.BoardRejected.NotAllowed;

/**
 * The board's access, read from the board's own stream (exact, even a moment after it was created), checked against
 * the caller's roles. A board the caller may not read answers like one that does not exist.
 */
final class BoardAccessCheck {
    private final EventLog log;

    BoardAccessCheck(EventLog log) {
        this.log = log;
    }

    BoardCreated readable(Caller caller, BoardId board) {
        var created = Loaded.load(log, BoardStreams.board(board), new BoardDecider(), BoardEvent.class).state().board()
                .orElseThrow(() -> new BoardRejected(new NoSuchBoard()));
        if (!created.access().mayRead(caller.roles())) throw new BoardRejected(new NoSuchBoard());
        return created;
    }

    BoardCreated postable(Caller caller, BoardId board) {
        return mayPost(caller, readable(caller, board));
    }

    /** For an operation on a thread of {@code board}: a board the caller may not read hides its threads too. */
    BoardCreated threadReadable(Caller caller, BoardId board) {
        try {
            return readable(caller, board);
        } catch (BoardRejected hidden) {
            throw new BoardRejected(new NoSuchThread());
        }
    }

    BoardCreated threadPostable(Caller caller, BoardId board) {
        return mayPost(caller, threadReadable(caller, board));
    }

    private static BoardCreated mayPost(Caller caller, BoardCreated created) {
        if (!created.access().mayPost(caller.roles())) throw new BoardRejected(new NotAllowed("post on this board"));
        return created;
    }
}
