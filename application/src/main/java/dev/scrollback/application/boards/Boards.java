package dev.scrollback.application.boards;

import dev.scrollback.application.shared.ProjectionSnapshot;
import dev.scrollback.application.shared.ProjectionState;
import dev.scrollback.application.shared.Rebuildable;
import dev.scrollback.application.shared.RecordedEvent;
import dev.scrollback.domain.boards.BoardAccess;
import dev.scrollback.domain.boards.BoardEvent.BoardCreated;
import dev.scrollback.domain.boards.BoardId;
import dev.scrollback.domain.boards.BoardsEvent;
import dev.scrollback.domain.boards.ConferenceName;
import dev.scrollback.domain.boards.BoardName;
import dev.scrollback.domain.boards.MessageEvent.MessageDeleted;
import dev.scrollback.domain.boards.MessageEvent.MessageEdited;
import dev.scrollback.domain.boards.MessageEvent.MessagePosted;
import dev.scrollback.domain.boards.MessageEvent.PluginReplyPosted;
import dev.scrollback.domain.boards.MessageEvent.ThreadLocked;
import dev.scrollback.domain.boards.MessageId;
import dev.scrollback.domain.boards.ReadMarkEvent.BoardReadUpTo;
import dev.scrollback.domain.boards.Subject;
import dev.scrollback.domain.boards.ThreadId;
import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.Handle;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Projection: the boards, their threads and the numbered list of each board's messages (without bodies: those are
 * read from the thread's stream), and every caller's read marks. Each board's messages are numbered 1, 2, 3 … in log
 * order; a rebuild numbers them the same, so read marks can name those numbers.
 */
@Named
public final class Boards {
    /** A board as lists show it. */
    public record Board(BoardId board, ConferenceName conference, BoardName name, String description, BoardAccess access,
                        Instant createdAt) {
        static Board of(BoardCreated e) {
            return new Board(e.board(), e.conference(), e.name(), e.description(), e.access(), e.at());
        }
    }

    /** A thread as lists show it. */
    public record Thread(ThreadId thread, BoardId board, Subject subject, Handle startedBy, Instant startedAt,
                         Instant lastPostAt, int messages, boolean locked) {}

    /** One message of a board, numbered; deleted ones keep their number. */
    public record Entry(long number, MessageId message, ThreadId thread, String author, Optional<AccountId> authorId,
                        Subject subject, Instant at, boolean deleted) {
        /** A plugin's reply: {@link #author()} is the plugin's name, and no account wrote it. */
        public boolean byPlugin() {
            return authorId.isEmpty();
        }
    }

    private final Rebuildable<State> state = new Rebuildable<>(State::new);

    /** All the projection knows, swapped whole when rebuilt. */
    static final class State implements ProjectionState {
        private final Map<BoardId, Board> boards = new ConcurrentHashMap<>();
        private final Map<ThreadId, Thread> threads = new ConcurrentHashMap<>();
        private final Map<BoardId, NavigableMap<Long, Entry>> entries = new ConcurrentHashMap<>();
        private final Map<MessageId, Entry> byMessage = new ConcurrentHashMap<>();
        private final Map<AccountId, Map<BoardId, Long>> marks = new ConcurrentHashMap<>();

        synchronized void apply(BoardsEvent event) {
            switch (event) {
                case dev.scrollback.domain.boards.BoardEvent.BoardNameClaimed e -> { }
                case BoardCreated e -> {
                    boards.put(e.board(), Board.of(e));
                    entries.putIfAbsent(e.board(), new ConcurrentSkipListMap<>());
                }
                case MessagePosted e -> {
                    var list = entries.computeIfAbsent(e.board(), b -> new ConcurrentSkipListMap<>());
                    long number = list.isEmpty() ? 1 : list.lastKey() + 1;
                    var entry = new Entry(number, e.message(), e.thread(), e.authorHandle().value(), Optional.of(e.author()),
                            e.subject(), e.at(), false);
                    list.put(number, entry);
                    byMessage.put(e.message(), entry);
                    threads.merge(e.thread(), new Thread(e.thread(), e.board(), e.subject(), e.authorHandle(), e.at(), e.at(), 1, false),
                            (old, first) -> new Thread(old.thread(), old.board(), old.subject(), old.startedBy(), old.startedAt(),
                                    e.at(), old.messages() + 1, old.locked()));
                }
                case PluginReplyPosted e -> {
                    var list = entries.computeIfAbsent(e.board(), b -> new ConcurrentSkipListMap<>());
                    long number = list.isEmpty() ? 1 : list.lastKey() + 1;
                    var entry = new Entry(number, e.message(), e.thread(), e.plugin().value(), Optional.empty(), e.subject(),
                            e.at(), false);
                    list.put(number, entry);
                    byMessage.put(e.message(), entry);
                    threads.computeIfPresent(e.thread(), (id, old) -> new Thread(old.thread(), old.board(), old.subject(),
                            old.startedBy(), old.startedAt(), e.at(), old.messages() + 1, old.locked()));
                }
                case MessageEdited e -> { }
                case MessageDeleted e -> {
                    var entry = byMessage.get(e.message());
                    if (entry != null) {
                        var deleted = new Entry(entry.number(), entry.message(), entry.thread(), entry.author(), entry.authorId(),
                                entry.subject(), entry.at(), true);
                        byMessage.put(e.message(), deleted);
                        entries.get(e.board()).put(entry.number(), deleted);
                    }
                }
                case ThreadLocked e -> threads.computeIfPresent(e.thread(), (id, t) -> new Thread(t.thread(), t.board(),
                        t.subject(), t.startedBy(), t.startedAt(), t.lastPostAt(), t.messages(), true));
                case BoardReadUpTo e -> marks.computeIfAbsent(e.account(), a -> new ConcurrentHashMap<>())
                        .merge(e.board(), e.upTo(), Math::max);
            }
        }

        @Override
        public void apply(RecordedEvent recorded) {
            if (recorded.event() instanceof BoardsEvent event) apply(event);
        }

        @Override
        public synchronized ProjectionSnapshot snapshot() {
            var snapshot = ProjectionSnapshot.builder();
            boards.forEach((id, board) -> snapshot.put("board/" + id, board));
            threads.forEach((id, thread) -> snapshot.put("thread/" + id, thread));
            entries.forEach((board, list) -> list.forEach((number, entry) ->
                    snapshot.put("entry/" + board + "/" + String.format("%012d", number), entry)));
            byMessage.forEach((id, entry) -> snapshot.put("message/" + id, entry));
            marks.forEach((account, mine) -> mine.forEach((board, upTo) -> snapshot.put("mark/" + account + "/" + board, upTo)));
            return snapshot.build();
        }
    }

    public void apply(BoardsEvent event) {
        state.live().apply(event);
    }

    /** The projection's state, for rebuilding it (the persistence adapter's processors feed {@code live()}). */
    public Rebuildable<?> rebuildable() {
        return state;
    }

    /** Every board, by conference and then name. */
    public List<Board> boards() {
        return state.live().boards.values().stream()
                .sorted(Comparator.comparing((Board b) -> b.conference().value().toLowerCase(Locale.ROOT))
                        .thenComparing(b -> b.name().value().toLowerCase(Locale.ROOT)))
                .toList();
    }

    public Optional<Board> board(BoardId board) {
        return Optional.ofNullable(state.live().boards.get(board));
    }

    /** A board with this name (case ignored), if one exists. */
    public Optional<Board> named(BoardName name) {
        return state.live().boards.values().stream().filter(b -> b.name().value().equalsIgnoreCase(name.value())).findFirst();
    }

    public Optional<Thread> thread(ThreadId thread) {
        return Optional.ofNullable(state.live().threads.get(thread));
    }

    /** A board's threads, the most recently active first. */
    public List<Thread> threadsOf(BoardId board) {
        return state.live().threads.values().stream().filter(t -> t.board().equals(board))
                .sorted(Comparator.comparing(Thread::lastPostAt).reversed().thenComparing(t -> t.thread().value()))
                .toList();
    }

    /** The number of the board's newest message (0: none yet). */
    public long latest(BoardId board) {
        var list = state.live().entries.get(board);
        return list == null || list.isEmpty() ? 0 : list.lastKey();
    }

    /**
     * The board's messages numbered above {@code after}, oldest first, at most {@code limit}; deleted ones and the
     * reader's own ({@code reader}) left out: nobody needs to be told what they wrote themselves.
     */
    public List<Entry> after(BoardId board, long after, AccountId reader, int limit) {
        var list = state.live().entries.get(board);
        if (list == null) return List.of();
        var found = new ArrayList<Entry>();
        for (var entry : list.tailMap(after, false).values()) {
            if (entry.deleted() || entry.authorId().equals(Optional.of(reader))) continue;
            found.add(entry);
            if (found.size() >= limit) break;
        }
        return found;
    }

    /** How many live messages by others than {@code reader} the board has above {@code after}. */
    public int countAfter(BoardId board, long after, AccountId reader) {
        var list = state.live().entries.get(board);
        if (list == null) return 0;
        return (int) list.tailMap(after, false).values().stream().filter(e -> !e.deleted() && !e.authorId().equals(Optional.of(reader))).count();
    }

    public Optional<Entry> entry(MessageId message) {
        return Optional.ofNullable(state.live().byMessage.get(message));
    }

    /** Where the caller has read the board up to (0: nothing read yet). */
    public long markOf(AccountId account, BoardId board) {
        var mine = state.live().marks.get(account);
        return mine == null ? 0 : mine.getOrDefault(board, 0L);
    }
}
