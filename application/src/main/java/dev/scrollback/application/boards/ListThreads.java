package dev.scrollback.application.boards;

import dev.scrollback.application.accounts.Caller;
import dev.scrollback.domain.boards.BoardId;
import java.util.List;

/**
 * In-port: a board's threads, the most recently active first, {@code limit} from {@code offset}. A board the caller
 * may not read is {@code NoSuchBoard}, like one that does not exist.
 */
public interface ListThreads {
    Page list(Caller caller, BoardId board, int offset, int limit);

    /** {@code total}: how many threads the board has. */
    record Page(Boards.Board board, List<Boards.Thread> threads, int total) {}
}
