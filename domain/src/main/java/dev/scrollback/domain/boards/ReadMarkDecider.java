package dev.scrollback.domain.boards;

import dev.scrollback.domain.boards.ReadMarkEvent.BoardReadUpTo;
import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.Decider;
import dev.scrollback.domain.shared.InvalidValue;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One caller's read marks on stream {@code readmarks-<account uuid>}: they only move forward. */
public final class ReadMarkDecider implements Decider<ReadMarkDecider.MarkRead, ReadMarkDecider.Marks, ReadMarkEvent> {

    public record MarkRead(BoardId board, long upTo, Instant at) {
        public MarkRead {
            if (upTo < 0) throw new InvalidValue("upTo", "must not be negative");
        }
    }

    public record Marks(Map<BoardId, Long> upTo) {
        public Marks {
            upTo = Map.copyOf(upTo);
        }

        public long of(BoardId board) {
            return upTo.getOrDefault(board, 0L);
        }
    }

    private final AccountId account;

    public ReadMarkDecider(AccountId account) {
        this.account = account;
    }

    @Override
    public Marks initialState() {
        return new Marks(Map.of());
    }

    @Override
    public List<ReadMarkEvent> decide(MarkRead command, Marks marks) {
        return command.upTo() > marks.of(command.board())
                ? List.of(new BoardReadUpTo(account, command.board(), command.upTo(), command.at()))
                : List.of();
    }

    @Override
    public Marks evolve(Marks marks, ReadMarkEvent event) {
        return switch (event) {
            case BoardReadUpTo read -> {
                var next = new HashMap<>(marks.upTo());
                next.merge(read.board(), read.upTo(), Math::max);
                yield new Marks(next);
            }
        };
    }
}
