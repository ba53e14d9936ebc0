package dev.scrollback.application.boards;

import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.domain.boards.BoardId;
import java.util.List;

/**
 * In-port: what is new for the caller since they last read — across every board they may read, board by board in list
 * order, oldest first, resuming where they stopped — and moving their read marks ({@code BoardReadUpTo}) as they read.
 */
public interface NewScan {
    /** At most {@code limit} new messages; {@code more} says whether others wait after them. */
    Scan scan(Caller caller, int limit);

    /** Marks the board read up to message number {@code upTo}; marks never move back. */
    void markRead(Caller caller, BoardId board, long upTo, Origin origin);

    /** Marks every board the caller may read as read, up to its newest message. */
    void markAllRead(Caller caller, Origin origin);

    record Scan(List<NewMessage> messages, boolean more) {}

    record NewMessage(Boards.Board board, Boards.Entry entry) {}
}
