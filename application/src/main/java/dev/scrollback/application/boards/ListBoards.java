package dev.scrollback.application.boards;

import dev.scrollback.application.accounts.Caller;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** In-port: the boards the caller may read, by conference and name, with what is new for them on each. */
public interface ListBoards {
    List<BoardSummary> list(Caller caller);

    record BoardSummary(Boards.Board board, int threads, long messages, int unread, boolean mayPost,
                        Optional<Instant> lastPostAt) {}
}
