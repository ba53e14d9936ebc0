package dev.scrollback.application.boards;

import dev.scrollback.domain.boards.BoardId;
import dev.scrollback.domain.boards.MessageBody;
import dev.scrollback.domain.boards.MessageId;
import dev.scrollback.domain.boards.Subject;
import dev.scrollback.domain.boards.ThreadId;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Out-port: the full-text index over the boards' subjects and bodies, fed by {@link MessageSearchFeed} in log order
 * and rebuilt from the log at every start like the other projections.
 */
public interface MessageIndex extends AutoCloseable {
    /** Indexes the message, replacing any earlier copy of it (a log may repeat an event; the index holds it once). */
    void add(Indexed message);

    /** The message's body changed (an edit); unknown messages are ignored. */
    void edit(MessageId message, MessageBody body);

    /** The message was deleted: it is found no more. */
    void remove(MessageId message);

    /** The best matches for {@code text} on the boards in {@code scope}, best first, at most {@code limit}. */
    List<Hit> search(SearchText text, BoardScope scope, int limit);

    /** A new, empty index of the same kind: a rebuild fills it beside this one and then swaps it in. */
    MessageIndex empty();

    /** Hands every message held to {@code each}, in no particular order (to compare a rebuilt index with the live one). */
    void forEach(Consumer<Indexed> each);

    /** Frees what the index holds; it is not used afterwards. Closing twice does nothing more. */
    @Override
    void close();

    /** Which boards a search covers: all of them (no filter to apply), or only these. */
    sealed interface BoardScope {
        record All() implements BoardScope {}

        record Only(Set<BoardId> boards) implements BoardScope {
            public Only {
                boards = Set.copyOf(boards);
            }
        }
    }

    /** {@code author}: the caller's handle, or the plugin's name for a plugin's reply. */
    record Indexed(MessageId message, ThreadId thread, BoardId board, String author, Subject subject, MessageBody body,
                   Instant at) {}

    /** {@code snippet}: a line of the body around the first word searched for, to show with the hit. */
    record Hit(MessageId message, ThreadId thread, BoardId board, String author, Subject subject, Instant at, String snippet) {}
}
