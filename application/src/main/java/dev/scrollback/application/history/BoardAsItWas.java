package dev.scrollback.application.history;

import dev.scrollback.domain.boards.BoardAccess;
import dev.scrollback.domain.boards.BoardId;
import dev.scrollback.domain.boards.BoardName;
import dev.scrollback.domain.boards.ConferenceName;
import dev.scrollback.domain.boards.Subject;
import dev.scrollback.domain.boards.ThreadId;
import dev.scrollback.domain.shared.Handle;
import java.time.Instant;
import java.util.List;

/**
 * A board at a point: what {@code BoardDecider} holds (name, conference, access) and the threads it held then, in the
 * order they were started, {@code threads} of them from {@code offset}; {@code threadCount} counts them all.
 */
public record BoardAsItWas(BoardId board, ConferenceName conference, BoardName name, String description,
                           BoardAccess access, Instant createdAt, int threadCount, int offset, List<ThreadSummary> threads) {
    public BoardAsItWas {
        threads = List.copyOf(threads);
    }

    /**
     * One thread as the board listed it then: {@code messages} counts every message posted by the point (deleted ones
     * too, as the live list does), {@code deleted} those a moderator had removed by then.
     */
    public record ThreadSummary(ThreadId thread, Subject subject, Handle startedBy, Instant startedAt, Instant lastPostAt,
                                int messages, int deleted, boolean locked) {}
}
