package dev.scrollback.application.boards;

import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.shared.Decision;
import dev.scrollback.application.shared.EventLog;
import dev.scrollback.application.shared.EventMetadata;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.application.shared.Retried;
import dev.scrollback.domain.boards.BoardId;
import dev.scrollback.domain.boards.ReadMarkDecider;
import dev.scrollback.domain.boards.ReadMarkEvent;
import dev.scrollback.domain.shared.InvalidValue;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.util.ArrayList;

@Named
final class NewScanService implements NewScan {
    static final int MAX_SCAN = 500;

    private final Boards boards;
    private final EventLog log;
    private final Clock clock;
    private final BoardAccessCheck access;

    @Inject
    NewScanService(Boards boards, EventLog log, Clock clock) {
        this.boards = boards;
        this.log = log;
        this.clock = clock;
        this.access = new BoardAccessCheck(log);
    }

    @Override
    public Scan scan(Caller caller, int limit) {
        if (limit < 1 || limit > MAX_SCAN) throw new InvalidValue("limit", "must be between 1 and " + MAX_SCAN);
        var found = new ArrayList<NewMessage>();
        var exact = marks(caller);
        for (var board : boards.boards()) {
            if (!board.access().mayRead(caller.roles())) continue;
            // The stream's marks are exact; the projection's may lag a moment behind a mark just made.
            long mark = Math.max(boards.markOf(caller.account(), board.board()), exact.of(board.board()));
            for (var entry : boards.after(board.board(), mark, caller.account(), limit + 1 - found.size())) {
                if (found.size() == limit) return new Scan(found, true);
                found.add(new NewMessage(board, entry));
            }
        }
        return new Scan(found, false);
    }

    @Override
    public void markRead(Caller caller, BoardId board, long upTo, Origin origin) {
        access.readable(caller, board);
        long capped = Math.min(upTo, boards.latest(board));          // a mark past the newest message means nothing
        mark(caller, board, capped, origin);
    }

    @Override
    public void markAllRead(Caller caller, Origin origin) {
        for (var board : boards.boards()) {
            if (board.access().mayRead(caller.roles())) mark(caller, board.board(), boards.latest(board.board()), origin);
        }
    }

    private ReadMarkDecider.Marks marks(Caller caller) {
        return Decision.Loaded.load(log, BoardStreams.readMarks(caller.account()), new ReadMarkDecider(caller.account()),
                ReadMarkEvent.class).state();
    }

    private void mark(Caller caller, BoardId board, long upTo, Origin origin) {
        Retried.onConflict(3, () -> {
            var at = clock.instant();
            var decision = Decision.make(log, BoardStreams.readMarks(caller.account()), new ReadMarkDecider(caller.account()),
                    ReadMarkEvent.class, new ReadMarkDecider.MarkRead(board, upTo, at));
            if (!decision.isEmpty()) {
                log.append(decision.toAppend(), EventMetadata.of(caller.actor(), origin.inSession(caller.sessionIfAny()), at));
            }
        });
    }
}
