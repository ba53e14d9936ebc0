package dev.scrollback.adapters.telnet.boards;

import dev.scrollback.application.accounts.AccessDenied;
import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.boards.Boards;
import dev.scrollback.application.boards.EditMessage;
import dev.scrollback.application.boards.ListBoards;
import dev.scrollback.application.boards.ListThreads;
import dev.scrollback.application.boards.ModerateThread;
import dev.scrollback.application.boards.NewScan;
import dev.scrollback.application.boards.PostMessage;
import dev.scrollback.application.boards.ReadThread;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.application.shared.RateLimited;
import dev.scrollback.application.shared.UuidV7;
import dev.scrollback.domain.accounts.Role;
import dev.scrollback.domain.boards.BoardAccess;
import dev.scrollback.domain.boards.BoardId;
import dev.scrollback.domain.boards.BoardName;
import dev.scrollback.domain.boards.BoardRejected;
import dev.scrollback.domain.boards.ConferenceName;
import dev.scrollback.domain.boards.MessageBody;
import dev.scrollback.domain.boards.MessageId;
import dev.scrollback.domain.boards.Subject;
import dev.scrollback.domain.boards.ThreadDecider;
import dev.scrollback.domain.boards.ThreadId;
import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.Handle;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The boards in-ports, faked in memory: just enough state to answer like the real ones (numbering, read marks, locks,
 * the edit window, moderators only) and a record of every write. The real ones are tested in application and end to
 * end in bootstrap.
 */
final class FakeBoards implements ListBoards, ListThreads, ReadThread, PostMessage, EditMessage, ModerateThread, NewScan {
    static final Instant NOW = Instant.parse("2025-03-01T20:00:00Z");

    /** One message as stored here. */
    static final class Stored {
        final MessageId id = new MessageId(UuidV7.next());
        final long number;
        final ThreadId thread;
        final Handle author;
        final Subject subject;
        final Instant at;
        final Optional<MessageId> inReplyTo;
        MessageBody body;
        Optional<String> deletedBecause = Optional.empty();
        Optional<Instant> editedAt = Optional.empty();
        /** A plugin's reply: {@code author} holds the plugin's name. */
        boolean plugin;

        Stored(long number, ThreadId thread, Handle author, Subject subject, MessageBody body, Instant at,
               Optional<MessageId> inReplyTo) {
            this.number = number;
            this.thread = thread;
            this.author = author;
            this.subject = subject;
            this.body = body;
            this.at = at;
            this.inReplyTo = inReplyTo;
        }
    }

    record Locked(ThreadId thread, String reason) {}

    final List<Boards.Board> boards = new ArrayList<>();
    final Map<ThreadId, BoardId> threadBoards = new HashMap<>();
    final Map<ThreadId, List<Stored>> threads = new HashMap<>();
    final Map<ThreadId, String> locks = new HashMap<>();
    final Map<AccountId, Map<BoardId, Long>> marks = new HashMap<>();
    Instant now = NOW;
    /** Posts taken before the next one is refused as too many. */
    int postsAllowed = Integer.MAX_VALUE;

    BoardId board(String conference, String name) {
        return board(conference, name, BoardAccess.members());
    }

    BoardId board(String conference, String name, BoardAccess access) {
        var id = new BoardId(UuidV7.next());
        boards.add(new Boards.Board(id, new ConferenceName(conference), new BoardName(name), "", access, NOW));
        return id;
    }

    /** A thread posted by {@code author} some time ago, with replies (each a body) from the same author. */
    ThreadId thread(BoardId board, String author, String subject, String... bodies) {
        var thread = new ThreadId(UuidV7.next());
        threadBoards.put(thread, board);
        var list = new ArrayList<Stored>();
        threads.put(thread, list);
        for (int i = 0; i < bodies.length; i++) {
            var s = new Subject(subject);
            list.add(new Stored(nextNumber(board), thread, new Handle(author), i == 0 ? s : s.reply(), new MessageBody(bodies[i]),
                    now.minus(Duration.ofHours(1)), Optional.empty()));
        }
        return thread;
    }

    /** A reply by the plugin {@code plugin} (a short name, held here as a handle) in {@code thread}. */
    void pluginReply(ThreadId thread, String plugin, String body) {
        var list = threads.get(thread);
        var stored = new Stored(nextNumber(threadBoards.get(thread)), thread, new Handle(plugin), list.getFirst().subject.reply(),
                new MessageBody(body), now, Optional.empty());
        stored.plugin = true;
        list.add(stored);
    }

    List<Stored> messages(ThreadId thread) {
        return threads.get(thread);
    }

    Stored only(String subject) {
        return threads.values().stream().flatMap(List::stream).filter(m -> m.subject.value().equals(subject)).findFirst()
                .orElseThrow();
    }

    long mark(Caller caller, BoardId board) {
        return marks.getOrDefault(caller.account(), Map.of()).getOrDefault(board, 0L);
    }

    private long nextNumber(BoardId board) {
        return entries(board).stream().mapToLong(m -> m.number).max().orElse(0) + 1;
    }

    private List<Stored> entries(BoardId board) {
        return threads.entrySet().stream().filter(e -> threadBoards.get(e.getKey()).equals(board))
                .flatMap(e -> e.getValue().stream()).sorted(Comparator.comparingLong(m -> m.number)).toList();
    }

    private Boards.Board boardOf(Caller caller, BoardId id) {
        return boards.stream().filter(b -> b.board().equals(id) && b.access().mayRead(caller.roles())).findFirst()
                .orElseThrow(() -> new BoardRejected(new BoardRejected.NoSuchBoard()));
    }

    private Boards.Thread summary(ThreadId id) {
        var list = threads.get(id);
        var first = list.getFirst();
        return new Boards.Thread(id, threadBoards.get(id), first.subject, first.author, first.at, list.getLast().at, list.size(),
                locks.containsKey(id));
    }

    @Override
    public List<BoardSummary> list(Caller caller) {
        return boards.stream().filter(b -> b.access().mayRead(caller.roles()))
                .sorted(Comparator.comparing((Boards.Board b) -> b.conference().value()).thenComparing(b -> b.name().value()))
                .map(b -> new BoardSummary(b, (int) threadBoards.values().stream().filter(b.board()::equals).count(),
                        nextNumber(b.board()) - 1,
                        (int) entries(b.board()).stream().filter(m -> m.number > mark(caller, b.board()) && m.deletedBecause.isEmpty()).count(),
                        b.access().mayPost(caller.roles()), Optional.empty()))
                .toList();
    }

    @Override
    public Page list(Caller caller, BoardId board, int offset, int limit) {
        var shown = boardOf(caller, board);
        var all = threads.keySet().stream().filter(t -> threadBoards.get(t).equals(board)).map(this::summary)
                .sorted(Comparator.comparing(Boards.Thread::lastPostAt).reversed().thenComparing(t -> t.thread().value())).toList();
        var page = offset >= all.size() ? List.<Boards.Thread>of() : all.subList(offset, Math.min(all.size(), offset + limit));
        return new Page(shown, page, all.size());
    }

    @Override
    public ThreadView read(Caller caller, ThreadId thread) {
        if (!threads.containsKey(thread)) throw new BoardRejected(new BoardRejected.NoSuchThread());
        var board = boardOf(caller, threadBoards.get(thread));
        var views = threads.get(thread).stream().map(m -> new MessageView(m.id, m.number, m.author.value(), m.plugin, m.subject,
                m.deletedBecause.isPresent() ? Optional.empty() : Optional.of(m.body), m.at, m.editedAt, m.deletedBecause,
                m.inReplyTo)).toList();
        boolean locked = locks.containsKey(thread);
        return new ThreadView(board, thread, threads.get(thread).getFirst().subject, locked,
                !locked && board.access().mayPost(caller.roles()), caller.holds(Role.MODERATOR) || caller.holds(Role.SYSOP), views);
    }

    @Override
    public Posted startThread(Caller caller, BoardId board, Subject subject, MessageBody body, Origin origin) {
        var shown = boardOf(caller, board);
        if (!shown.access().mayPost(caller.roles())) throw new BoardRejected(new BoardRejected.NotAllowed("post on this board"));
        spendPost();
        var thread = new ThreadId(UuidV7.next());
        threadBoards.put(thread, board);
        var list = new ArrayList<Stored>();
        threads.put(thread, list);
        var stored = new Stored(nextNumber(board), thread, caller.handle(), subject, body, now, Optional.empty());
        list.add(stored);
        return new Posted(thread, stored.id);
    }

    @Override
    public Posted reply(Caller caller, ThreadId thread, Optional<MessageId> inReplyTo, Optional<Subject> subject, MessageBody body,
                        Origin origin) {
        read(caller, thread);
        if (locks.containsKey(thread)) throw new BoardRejected(new BoardRejected.ThreadIsLocked());
        spendPost();
        var list = threads.get(thread);
        var stored = new Stored(nextNumber(threadBoards.get(thread)), thread, caller.handle(),
                subject.orElseGet(() -> list.getFirst().subject.reply()), body, now, inReplyTo);
        list.add(stored);
        return new Posted(thread, stored.id);
    }

    private void spendPost() {
        if (postsAllowed <= 0) throw new RateLimited(Duration.ofSeconds(30));
        postsAllowed--;
    }

    private Stored message(ThreadId thread, MessageId message) {
        return threads.getOrDefault(thread, List.of()).stream().filter(m -> m.id.equals(message)).findFirst()
                .orElseThrow(() -> new BoardRejected(new BoardRejected.NoSuchMessage()));
    }

    @Override
    public void edit(Caller caller, ThreadId thread, MessageId message, MessageBody body, Origin origin) {
        read(caller, thread);
        var stored = message(thread, message);
        if (!stored.author.equals(caller.handle())) throw new BoardRejected(new BoardRejected.NotTheAuthor());
        var closes = stored.at.plus(ThreadDecider.EDIT_WINDOW);
        if (!now.isBefore(closes)) throw new BoardRejected(new BoardRejected.EditWindowClosed(closes));
        stored.body = body;
        stored.editedAt = Optional.of(now);
    }

    @Override
    public void delete(Caller moderator, ThreadId thread, MessageId message, String reason, Origin origin) {
        AccessDenied.unlessAny(moderator, Role.MODERATOR, Role.SYSOP);
        message(thread, message).deletedBecause = Optional.of(reason);
    }

    @Override
    public boolean lock(Caller moderator, ThreadId thread, String reason, Origin origin) {
        AccessDenied.unlessAny(moderator, Role.MODERATOR, Role.SYSOP);
        return locks.putIfAbsent(thread, reason) == null;
    }

    @Override
    public Scan scan(Caller caller, int limit) {
        var found = new ArrayList<NewMessage>();
        for (var summary : list(caller)) {
            var board = summary.board();
            for (var m : entries(board.board())) {
                if (m.number <= mark(caller, board.board()) || m.deletedBecause.isPresent()) continue;
                if (found.size() == limit) return new Scan(found, true);
                found.add(new NewMessage(board, new Boards.Entry(m.number, m.id, m.thread, m.author.value(),
                        m.plugin ? Optional.empty() : Optional.of(new AccountId(UuidV7.next())),
                        m.subject, m.at, false)));
            }
        }
        return new Scan(found, false);
    }

    @Override
    public void markRead(Caller caller, BoardId board, long upTo, Origin origin) {
        boardOf(caller, board);
        long capped = Math.min(upTo, nextNumber(board) - 1);
        marks.computeIfAbsent(caller.account(), a -> new HashMap<>()).merge(board, capped, Math::max);
    }

    @Override
    public void markAllRead(Caller caller, Origin origin) {
        for (var summary : list(caller)) markRead(caller, summary.board().board(), Long.MAX_VALUE, origin);
    }

    static Set<Role> member() {
        return Set.of(Role.MEMBER);
    }
}
