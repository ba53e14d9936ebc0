package dev.scrollback.application.history;

import dev.scrollback.application.accounts.Caller;
import dev.scrollback.domain.boards.BoardId;

/**
 * In-port: a board as it was at a point, with the threads it held then, {@code limit} of them (1 to
 * {@link TimeTravel#MAX_THREADS}) from {@code offset} in the order they were started. Sysops and auditors only (any
 * board, whoever may read it); an unknown board is {@code NoSuchBoard}.
 */
public interface ShowBoardAsOf {
    AsOf<BoardAsItWas> show(Caller caller, BoardId board, HistoryPoint point, int offset, int limit);
}
