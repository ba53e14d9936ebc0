package dev.scrollback.application.boards;

import dev.scrollback.application.shared.StreamId;
import dev.scrollback.domain.boards.BoardId;
import dev.scrollback.domain.boards.BoardName;
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

    /** The stream that claims a board name: its key's SHA-256 (names may hold spaces and any script). */
    public static StreamId boardName(BoardName name) {
        try {
            var digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(name.key().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return StreamId.of("boardname", java.util.HexFormat.of().formatHex(digest));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    public static StreamId readMarks(AccountId account) {
        return StreamId.of("readmarks", account);
    }
}
