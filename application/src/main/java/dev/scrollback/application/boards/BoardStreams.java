package dev.scrollback.application.boards;

import dev.scrollback.application.shared.StreamId;
import dev.scrollback.domain.boards.BoardId;
import dev.scrollback.domain.boards.ThreadId;
import dev.scrollback.domain.shared.AccountId;

/** Where the boards capability keeps its streams. */
public final class BoardStreams {
    private BoardStreams() {}

    public static StreamId board(BoardId board) {
        return StreamId.of("board", board);
    }

    public static StreamId thread(ThreadId thread) {
        return StreamId.of("thread", thread);
    }

    public static StreamId readMarks(AccountId account) {
        return StreamId.of("readmarks", account);
    }
}
