package dev.scrollback.application.history;

import dev.scrollback.application.accounts.AccountStreams;
import dev.scrollback.application.accounts.HandleLookup;
import dev.scrollback.application.boards.BoardStreams;
import dev.scrollback.application.shared.EventLog;
import dev.scrollback.application.shared.RecordedEvent;
import dev.scrollback.domain.accounts.AccountDecider;
import dev.scrollback.domain.accounts.AccountEvent;
import dev.scrollback.domain.accounts.AccountRejected;
import dev.scrollback.domain.accounts.AccountRejected.UnknownAccount;
import dev.scrollback.domain.accounts.AccountState;
import dev.scrollback.domain.boards.BoardDecider;
import dev.scrollback.domain.boards.BoardEvent;
import dev.scrollback.domain.boards.BoardId;
import dev.scrollback.domain.boards.BoardRejected;
import dev.scrollback.domain.boards.BoardRejected.NoSuchBoard;
import dev.scrollback.domain.boards.BoardRejected.NoSuchThread;
import dev.scrollback.domain.boards.MessageEvent;
import dev.scrollback.domain.boards.MessageEvent.MessageDeleted;
import dev.scrollback.domain.boards.MessageEvent.MessageEdited;
import dev.scrollback.domain.boards.MessageEvent.MessagePosted;
import dev.scrollback.domain.boards.MessageEvent.PluginReplyPosted;
import dev.scrollback.domain.boards.MessageEvent.ThreadLocked;
import dev.scrollback.domain.boards.MessageId;
import dev.scrollback.domain.boards.ThreadDecider;
import dev.scrollback.domain.boards.ThreadId;
import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.Handle;
import dev.scrollback.domain.shared.InvalidValue;
import dev.scrollback.domain.shared.UuidText;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/**
 * Time travel (issue 7): an account, a board or a thread as it was at a point, computed on demand by folding its
 * stream up to the point with the same decider the live system decides with ({@code AccountDecider},
 * {@code BoardDecider}, {@code ThreadDecider}): no second copy of the rules, no snapshots (decision 0025). The cost is
 * one read of the stream: O(its events). A board's threads are streams of their own: {@link BoardThreads} names those
 * begun by the point, and only the page asked for is folded.
 * <p>
 * Unguarded: {@code ShowAsOfService} checks roles for REST, and the {@code history} command line (whoever runs it can
 * read the store anyway) calls this directly. A point after the log's head (a position not written yet, a time still
 * to come) is refused: history is never predicted.
 */
@Named
public final class TimeTravel {
    public static final int DEFAULT_THREADS = 100;
    public static final int MAX_THREADS = 1000;
    /** How many events one read of the log's tail takes, where {@link BoardThreads} has not got yet. */
    private static final int TAIL_PAGE = 500;
    /** The widest window looked back through for the event at a position, when positions were skipped. */
    private static final int MAX_LOOK_BACK = 1000;

    private final EventLog log;
    private final BoardThreads boardThreads;
    private final Clock clock;

    @Inject
    public TimeTravel(EventLog log, BoardThreads boardThreads, Clock clock) {
        this.log = log;
        this.boardThreads = boardThreads;
        this.clock = clock;
    }

    /** The log's head when asked, and the moment the point stands for. */
    private record Frame(HistoryPoint point, long head, Optional<Instant> moment) {
        Reckoning reckoning(Optional<EventMark> lastFolded) {
            return new Reckoning(point, moment, head, lastFolded);
        }
    }

    /** {@code idOrHandle}: the account's id, or its handle (looked up on the handle's own stream). */
    public AsOf<AccountAsItWas> account(String idOrHandle, HistoryPoint point) {
        var account = accountOf(idOrHandle);
        var frame = frame(point);
        var prefix = StreamPrefix.read(log, AccountStreams.account(account), point, frame.head());
        if (!prefix.streamExists()) throw new AccountRejected(new UnknownAccount());
        var decider = new AccountDecider();
        var events = prefix.eventsOf(AccountEvent.class);
        return switch (decider.replay(events)) {
            case AccountState.Unregistered u -> notYet(prefix, frame);
            case AccountState.Registered r -> new AsOf.Existed<>(
                    AccountAsItWas.of(r, frame.moment().orElseThrow()), frame.reckoning(prefix.last()));
            // erased by then: how it stood just before (an erased state keeps nothing), marked with when it was erased
            case AccountState.Erased e -> {
                var before = (AccountState.Registered) decider.replay(events.stream()
                        .filter(event -> !(event instanceof AccountEvent.AccountErased)).toList());
                yield new AsOf.Existed<>(AccountAsItWas.of(before, e.at()).erasedAt(e.at()), frame.reckoning(prefix.last()));
            }
        };
    }

    /** The board and its threads {@code limit} (1 to {@link #MAX_THREADS}) from {@code offset}, oldest first. */
    public AsOf<BoardAsItWas> board(BoardId board, HistoryPoint point, int offset, int limit) {
        if (offset < 0) throw new InvalidValue("offset", "must not be negative");
        if (limit < 1 || limit > MAX_THREADS) throw new InvalidValue("limit", "must be between 1 and " + MAX_THREADS);
        var frame = frame(point);
        var prefix = StreamPrefix.read(log, BoardStreams.board(board), point, frame.head());
        if (!prefix.streamExists()) throw new BoardRejected(new NoSuchBoard());
        var created = new BoardDecider().replay(prefix.eventsOf(BoardEvent.class)).board();
        if (created.isEmpty()) return notYet(prefix, frame);

        var starts = threadsBegun(board, frame);
        var page = offset >= starts.size() ? List.<BoardThreads.ThreadStart>of()
                : starts.subList(offset, Math.min(starts.size(), offset + limit));
        var folded = new ArrayList<RecordedEvent>(prefix.events());
        var threads = new ArrayList<BoardAsItWas.ThreadSummary>();
        for (var start : page) {
            var thread = StreamPrefix.read(log, BoardStreams.thread(start.thread()), point, frame.head());
            summary(start.thread(), thread).ifPresent(threads::add);
            if (!thread.events().isEmpty()) folded.add(thread.events().getLast());
        }
        var last = folded.stream().max(Comparator.comparingLong(RecordedEvent::position)).map(EventMark::of);
        var b = created.get();
        return new AsOf.Existed<>(new BoardAsItWas(b.board(), b.conference(), b.name(), b.description(), b.access(), b.at(),
                starts.size(), offset, threads), frame.reckoning(last));
    }

    /** Every message of the thread as it read at the point. */
    public AsOf<ThreadAsItWas> thread(ThreadId thread, HistoryPoint point) {
        var frame = frame(point);
        var prefix = StreamPrefix.read(log, BoardStreams.thread(thread), point, frame.head());
        if (!prefix.streamExists()) throw new BoardRejected(new NoSuchThread());
        var state = new ThreadDecider(thread).replay(prefix.eventsOf(MessageEvent.class));
        return switch (state) {
            case ThreadDecider.NotStarted n -> notYet(prefix, frame);
            case ThreadDecider.Started started -> new AsOf.Existed<>(thread(started, prefix),
                    frame.reckoning(prefix.last()));
        };
    }

    private ThreadAsItWas thread(ThreadDecider.Started started, StreamPrefix prefix) {
        // A board's name is set when it is created and never changes: read from its whole stream, so a board recorded a
        // moment after its first thread (clocks of two instances) still names the thread's board.
        var created = new BoardDecider().replay(log.read(BoardStreams.board(started.board())).eventsOf(BoardEvent.class)).board()
                .orElseThrow(() -> new IllegalStateException("thread " + started.thread() + " names a board that was never created"));
        // What the thread allows (locked, deleted) is the decider's state; what its messages said is in the events.
        var messages = new LinkedHashMap<MessageId, ThreadAsItWas.Message>();
        Optional<ThreadAsItWas.Moderation> lock = Optional.empty();
        for (var recorded : prefix.events()) {
            var actor = recorded.metadata().actor();
            switch ((MessageEvent) recorded.event()) {
                case MessagePosted p -> messages.put(p.message(), new ThreadAsItWas.Message(p.message(),
                        p.authorHandle().value(), false, p.subject(), Optional.of(p.body()), p.at(), 0, Optional.empty(),
                        Optional.empty(), p.inReplyTo()));
                case PluginReplyPosted p -> messages.put(p.message(), new ThreadAsItWas.Message(p.message(),
                        p.plugin().value(), true, p.subject(), Optional.of(p.body()), p.at(), 0, Optional.empty(),
                        Optional.empty(), Optional.empty()));
                case MessageEdited e -> messages.computeIfPresent(e.message(), (id, m) -> new ThreadAsItWas.Message(
                        m.message(), m.author(), m.plugin(), m.subject(), Optional.of(e.body()), m.postedAt(),
                        m.edits() + 1, Optional.of(e.at()), m.deletion(), m.inReplyTo()));
                case MessageDeleted d -> messages.computeIfPresent(d.message(), (id, m) -> new ThreadAsItWas.Message(
                        m.message(), m.author(), m.plugin(), m.subject(), m.body(), m.postedAt(), m.edits(), m.editedAt(),
                        Optional.of(new ThreadAsItWas.Moderation(d.at(), d.reason(), actor)), m.inReplyTo()));
                case ThreadLocked l -> lock = Optional.of(new ThreadAsItWas.Moderation(l.at(), l.reason(), actor));
            }
        }
        var shown = new ArrayList<ThreadAsItWas.Message>();
        for (var m : messages.values()) {
            var post = started.posts().get(m.message());
            boolean deleted = post != null && post.deleted();
            shown.add(deleted ? new ThreadAsItWas.Message(m.message(), m.author(), m.plugin(), m.subject(), Optional.empty(),
                    m.postedAt(), m.edits(), m.editedAt(), m.deletion(), m.inReplyTo()) : m);
        }
        return new ThreadAsItWas(started.thread(), started.board(), created.name(), started.subject(),
                started.locked() ? lock : Optional.empty(), shown);
    }

    /** A thread as its board listed it at the point; empty if it had not begun (it had, by how it was chosen). */
    private static Optional<BoardAsItWas.ThreadSummary> summary(ThreadId id, StreamPrefix thread) {
        var state = new ThreadDecider(id).replay(thread.eventsOf(MessageEvent.class));
        if (!(state instanceof ThreadDecider.Started started)) return Optional.empty();
        var first = (MessagePosted) thread.events().getFirst().event();
        var posts = started.posts().values();
        var lastPostAt = posts.stream().map(ThreadDecider.Post::at).max(Instant::compareTo).orElse(first.at());
        int deleted = (int) posts.stream().filter(ThreadDecider.Post::deleted).count();
        return Optional.of(new BoardAsItWas.ThreadSummary(id, started.subject(), first.authorHandle(), first.at(), lastPostAt,
                posts.size(), deleted, started.locked()));
    }

    /**
     * The threads begun on the board by the point, in log order: those {@link BoardThreads} knows, then those in the
     * stretch of log it has not read yet (up to the position asked, or the head), read from the log itself.
     */
    private List<BoardThreads.ThreadStart> threadsBegun(BoardId board, Frame frame) {
        var known = boardThreads.threadsOf(board);
        var starts = new ArrayList<>(known.starts());
        long bound = frame.point() instanceof HistoryPoint.AtPosition p ? p.position() : frame.head();
        long after = known.upTo();
        reading:
        while (after < bound) {
            var page = log.readAfter(after, TAIL_PAGE);
            if (page.isEmpty()) break;
            for (var recorded : page) {
                if (recorded.position() > bound) break reading;
                if (BoardThreads.startsThread(recorded) && ((MessagePosted) recorded.event()).board().equals(board)) {
                    var posted = (MessagePosted) recorded.event();
                    starts.add(new BoardThreads.ThreadStart(posted.thread(), recorded.position(), recorded.metadata().occurredAt()));
                }
            }
            after = page.getLast().position();
        }
        return starts.stream()
                .filter(s -> s.position() <= frame.head() && frame.point().includes(s.position(), s.at()))
                .toList();
    }

    private Frame frame(HistoryPoint point) {
        long head = log.lastPosition();
        return switch (point) {
            case HistoryPoint.AtTime t -> {
                var now = clock.instant();
                if (t.at().isAfter(now)) {
                    throw new InvalidValue("at", "is in the future (the server's time is " + now + "); history is never predicted");
                }
                yield new Frame(point, head, Optional.of(t.at()));
            }
            case HistoryPoint.AtPosition p -> {
                if (p.position() > head) {
                    throw new InvalidValue("position", "is beyond the log's head, position " + head);
                }
                yield new Frame(point, head, momentOf(p.position()));
            }
        };
    }

    /** When the last event at or before {@code position} was recorded (positions may be skipped: look back). */
    private Optional<Instant> momentOf(long position) {
        long upper = position;
        int span = 1;
        while (upper > 0) {
            long from = Math.max(0, upper - span);
            Optional<RecordedEvent> found = Optional.empty();
            for (var recorded : log.readAfter(from, (int) (upper - from))) {
                if (recorded.position() <= upper) found = Optional.of(recorded);
            }
            if (found.isPresent()) return Optional.of(found.get().metadata().occurredAt());
            upper = from;
            span = Math.min(span * 8, MAX_LOOK_BACK);
        }
        return Optional.empty();
    }

    private AccountId accountOf(String idOrHandle) {
        if (idOrHandle != null && UuidText.isCanonical(idOrHandle)) return AccountId.parse(idOrHandle);
        Handle handle;
        try {
            handle = new Handle(idOrHandle == null ? "" : idOrHandle);
        } catch (InvalidValue e) {
            throw new InvalidValue("account", "must be an account id or a handle");
        }
        return HandleLookup.accountOf(log, handle).orElseThrow(() -> new AccountRejected(new UnknownAccount()));
    }

    private static <V> AsOf<V> notYet(StreamPrefix prefix, Frame frame) {
        return new AsOf.NotYet<>(EventMark.of(prefix.first().orElseThrow()), frame.reckoning(prefix.last()));
    }
}
