package dev.scrollback.application.boards;

import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.shared.EventLog;
import dev.scrollback.domain.accounts.Role;
import dev.scrollback.domain.boards.BoardId;
import dev.scrollback.domain.boards.BoardRejected;
import dev.scrollback.domain.boards.BoardRejected.NoSuchThread;
import dev.scrollback.domain.boards.MessageEvent;
import dev.scrollback.domain.boards.MessageEvent.MessageDeleted;
import dev.scrollback.domain.boards.MessageEvent.MessageEdited;
import dev.scrollback.domain.boards.MessageEvent.MessagePosted;
import dev.scrollback.domain.boards.MessageEvent.PluginReplyPosted;
import dev.scrollback.domain.boards.MessageEvent.ThreadLocked;
import dev.scrollback.domain.boards.MessageId;
import dev.scrollback.domain.boards.ThreadId;
import dev.scrollback.domain.shared.InvalidValue;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/** The boards as callers browse them: lists from the projection, a thread from its own stream. */
@Named
final class BoardQueries implements ListBoards, ListThreads, ReadThread {
    static final int MAX_PAGE = 200;

    private final Boards boards;
    private final EventLog log;
    private final BoardAccessCheck access;

    @Inject
    BoardQueries(Boards boards, EventLog log) {
        this.boards = boards;
        this.log = log;
        this.access = new BoardAccessCheck(log);
    }

    @Override
    public List<BoardSummary> list(Caller caller) {
        return boards.boards().stream().filter(b -> b.access().mayRead(caller.roles())).map(b -> {
            var threads = boards.threadsOf(b.board());
            long mark = boards.markOf(caller.account(), b.board());
            return new BoardSummary(b, threads.size(), boards.latest(b.board()), boards.countAfter(b.board(), mark, caller.account()),
                    b.access().mayPost(caller.roles()), threads.stream().map(Boards.Thread::lastPostAt).max(Instant::compareTo));
        }).toList();
    }

    @Override
    public Page list(Caller caller, BoardId board, int offset, int limit) {
        if (offset < 0) throw new InvalidValue("offset", "must not be negative");
        if (limit < 1 || limit > MAX_PAGE) throw new InvalidValue("limit", "must be between 1 and " + MAX_PAGE);
        var shown = Boards.Board.of(access.readable(caller, board));
        var all = boards.threadsOf(board);
        var page = offset >= all.size() ? List.<Boards.Thread>of() : all.subList(offset, Math.min(all.size(), offset + limit));
        return new Page(shown, List.copyOf(page), all.size());
    }

    @Override
    public ThreadView read(Caller caller, ThreadId thread) {
        var history = log.read(BoardStreams.thread(thread));
        var events = history.eventsOf(MessageEvent.class);
        if (events.isEmpty()) throw new BoardRejected(new NoSuchThread());
        var first = (MessagePosted) events.getFirst();
        var created = access.threadReadable(caller, first.board());
        var board = Boards.Board.of(created);
        var views = new LinkedHashMap<MessageId, MessageView>();
        boolean locked = false;
        for (var event : events) {
            switch (event) {
                case MessagePosted p -> views.put(p.message(), new MessageView(p.message(),
                        boards.entry(p.message()).map(Boards.Entry::number).orElse(0L), p.authorHandle().value(), false,
                        p.subject(), Optional.of(p.body()), p.at(), Optional.empty(), Optional.empty(), p.inReplyTo()));
                case PluginReplyPosted p -> views.put(p.message(), new MessageView(p.message(),
                        boards.entry(p.message()).map(Boards.Entry::number).orElse(0L), p.plugin().value(), true,
                        p.subject(), Optional.of(p.body()), p.at(), Optional.empty(), Optional.empty(), Optional.empty()));
                case MessageEdited e -> views.computeIfPresent(e.message(), (id, v) -> new MessageView(v.message(), v.number(),
                        v.author(), v.plugin(), v.subject(), Optional.of(e.body()), v.postedAt(), Optional.of(e.at()),
                        v.deletedBecause(), v.inReplyTo()));
                case MessageDeleted d -> views.computeIfPresent(d.message(), (id, v) -> new MessageView(v.message(), v.number(),
                        v.author(), v.plugin(), v.subject(), Optional.empty(), v.postedAt(), v.editedAt(),
                        Optional.of(d.reason()), v.inReplyTo()));
                case ThreadLocked l -> locked = true;
            }
        }
        var boardAccess = created.access();
        boolean moderator = caller.holds(Role.MODERATOR) || caller.holds(Role.SYSOP);
        return new ThreadView(board, thread, first.subject(), locked, !locked && boardAccess.mayPost(caller.roles()), moderator,
                new ArrayList<>(views.values()));
    }
}
