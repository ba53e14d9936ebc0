package dev.scrollback.domain.boards;

import dev.scrollback.domain.boards.BoardEvent.BoardCreated;
import dev.scrollback.domain.shared.Decider;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** One board on its own stream ({@code board-<uuid>}). */
public final class BoardDecider implements Decider<BoardDecider.Command, BoardDecider.State, BoardEvent> {

    public sealed interface Command {}

    public record Create(BoardId board, ConferenceName conference, BoardName name, String description, BoardAccess access,
                         Instant at) implements Command {
        public Create {
            description = description == null || description.isBlank() ? "" : OneLine.of("description", description, 200);
        }
    }

    /** Empty until the board is created. */
    public record State(Optional<BoardCreated> board) {}

    @Override
    public State initialState() {
        return new State(Optional.empty());
    }

    @Override
    public List<BoardEvent> decide(Command command, State state) {
        return switch (command) {
            case Create c -> {
                if (state.board().isPresent()) throw new BoardRejected(new BoardRejected.BoardExists());
                yield List.of(new BoardCreated(c.board(), c.conference(), c.name(), c.description(), c.access(), c.at()));
            }
        };
    }

    @Override
    public State evolve(State state, BoardEvent event) {
        return switch (event) {
            case BoardCreated created -> new State(Optional.of(created));
            case BoardEvent.BoardNameClaimed claimed -> state;
        };
    }
}
