package dev.scrollback.application.boards;

import dev.scrollback.application.accounts.Caller;
import dev.scrollback.domain.boards.BoardId;
import dev.scrollback.domain.shared.InvalidValue;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

@Named
final class SearchMessagesService implements SearchMessages {
    static final int MAX_RESULTS = 100;

    private final Boards boards;
    private final MessageSearchFeed index;

    @Inject
    SearchMessagesService(Boards boards, MessageSearchFeed index) {
        this.boards = boards;
        this.index = index;
    }

    @Override
    public List<Found> search(Caller caller, SearchText text, int limit) {
        if (limit < 1 || limit > MAX_RESULTS) throw new InvalidValue("limit", "must be between 1 and " + MAX_RESULTS);
        Map<BoardId, Boards.Board> readable = boards.boards().stream().filter(b -> b.access().mayRead(caller.roles()))
                .collect(Collectors.toMap(Boards.Board::board, Function.identity()));
        if (readable.isEmpty()) return List.of();
        // A caller who may read every board needs no filter, and an unfiltered query is cheaper to score.
        MessageIndex.BoardScope scope = readable.size() == boards.boards().size()
                ? new MessageIndex.BoardScope.All() : new MessageIndex.BoardScope.Only(readable.keySet());
        return index.search(text, scope, limit).stream()
                .filter(hit -> readable.containsKey(hit.board()))
                .map(hit -> new Found(readable.get(hit.board()), hit))
                .toList();
    }
}
