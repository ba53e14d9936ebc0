package dev.scrollback.application.boards;

import dev.scrollback.application.accounts.Caller;
import java.util.List;

/**
 * In-port: full-text search over the subjects and bodies of the boards the caller may read, best matches first.
 * Deleted messages are not found; an edit is found by its new text.
 */
public interface SearchMessages {
    List<Found> search(Caller caller, SearchText text, int limit);

    record Found(Boards.Board board, MessageIndex.Hit hit) {}
}
