package dev.scrollback.application.boards;

import dev.scrollback.application.accounts.AccessDenied;
import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.shared.Decision;
import dev.scrollback.application.shared.EventLog;
import dev.scrollback.application.shared.EventMetadata;
import dev.scrollback.application.shared.ExpectedVersion;
import dev.scrollback.application.shared.StreamAppend;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.application.shared.RateLimiter;
import dev.scrollback.application.shared.RateLimiter.Limit;
import dev.scrollback.application.shared.Retried;
import dev.scrollback.application.shared.UuidV7;
import dev.scrollback.domain.accounts.Role;
import dev.scrollback.domain.accounts.Scope;
import dev.scrollback.domain.boards.BoardAccess;
import dev.scrollback.domain.boards.BoardDecider;
import dev.scrollback.domain.boards.BoardEvent;
import dev.scrollback.domain.boards.BoardId;
import dev.scrollback.domain.boards.BoardName;
import dev.scrollback.domain.boards.BoardRejected;
import dev.scrollback.domain.boards.BoardRejected.BoardExists;
import dev.scrollback.domain.boards.BoardRejected.NoSuchThread;
import dev.scrollback.domain.boards.ConferenceName;
import dev.scrollback.domain.boards.MessageBody;
import dev.scrollback.domain.boards.MessageEvent;
import dev.scrollback.domain.boards.MessageId;
import dev.scrollback.domain.boards.Subject;
import dev.scrollback.domain.boards.ThreadDecider;
import dev.scrollback.domain.boards.ThreadId;
import dev.scrollback.application.hooks.ContentFilters;
import dev.scrollback.application.hooks.MessageDraft;
import dev.scrollback.application.hooks.PluginHooks;
import dev.scrollback.application.hooks.PostedMessage;
import dev.scrollback.domain.shared.MessagePlace;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** Everything that writes to the boards: opening boards, posting, editing, moderating. */
@Named
final class BoardPosting implements CreateBoard, PostMessage, EditMessage, ModerateThread {
    /** Per account: a conversation never needs more; a script flooding a board is stopped. */
    static final Limit POSTS_PER_ACCOUNT = new Limit("posts-per-account", 30, Duration.ofMinutes(10));

    private final EventLog log;
    private final Boards boards;
    private final Clock clock;
    private final RateLimiter limiter;
    private final BoardAccessCheck access;
    private final PluginHooks hooks;

    BoardPosting(EventLog log, Boards boards, Clock clock, RateLimiter limiter) {
        this(log, boards, clock, limiter, PluginHooks.none());
    }

    @Inject
    BoardPosting(EventLog log, Boards boards, Clock clock, RateLimiter limiter, PluginHooks hooks) {
        this.log = log;
        this.boards = boards;
        this.clock = clock;
        this.limiter = limiter;
        this.access = new BoardAccessCheck(log);
        this.hooks = hooks;
    }

    @Override
    public BoardId create(Caller sysop, ConferenceName conference, BoardName name, String description, BoardAccess boardAccess,
                          Origin origin) {
        AccessDenied.unlessAny(sysop, Role.SYSOP);
        if (boards.named(name).isPresent()) throw new BoardRejected(new BoardExists());
        var board = new BoardId(UuidV7.next());
        var at = clock.instant();
        var decision = Decision.make(log, BoardStreams.board(board), new BoardDecider(), BoardEvent.class,
                new BoardDecider.Create(board, conference, name, description, boardAccess, at));
        var claim = new StreamAppend(BoardStreams.boardName(name), ExpectedVersion.noStream(),
                java.util.List.of(new BoardEvent.BoardNameClaimed(board, name, at)));
        try {
            log.append(java.util.List.of(claim, decision.toAppend()), EventMetadata.of(sysop.actor(),
                    origin.inSession(sysop.sessionIfAny()), at));
        } catch (EventLog.Conflict nameTakenMeanwhile) {
            throw new BoardRejected(new BoardExists());
        }
        return board;
    }

    @Override
    public Posted startThread(Caller caller, BoardId board, Subject subject, MessageBody body, Origin origin) {
        var poster = caller.through(Scope.BOARDS_WRITE);
        access.postable(poster, board);
        limiter.acquire(POSTS_PER_ACCOUNT, poster.account().toString()).orThrow();
        var thread = new ThreadId(UuidV7.next());
        var message = new MessageId(UuidV7.next());
        var place = placeOf(board);
        var filtered = filtered(poster, place, body);
        var at = clock.instant();
        decideAndAppend(poster, thread, new ThreadDecider.Start(thread, board, message, poster.account(), poster.handle(),
                subject, filtered, at), origin);
        hooks.messagePosted(new PostedMessage(place, poster.handle(), filtered.value(), Optional.of(thread.value())));
        return new Posted(thread, message);
    }

    @Override
    public Posted reply(Caller caller, ThreadId thread, Optional<MessageId> inReplyTo, Optional<Subject> subject,
                        MessageBody body, Origin origin) {
        var poster = caller.through(Scope.BOARDS_WRITE);
        var board = boardOf(thread);
        access.threadPostable(poster, board);
        limiter.acquire(POSTS_PER_ACCOUNT, poster.account().toString()).orThrow();
        var message = new MessageId(UuidV7.next());
        var place = placeOf(board);
        var filtered = filtered(poster, place, body);
        // A rival reply took the version first: decide again on the newer thread (the new message id stays).
        Retried.onConflict(3, () -> {
            decideAndAppend(poster, thread, new ThreadDecider.Reply(message, poster.account(), poster.handle(), subject,
                    filtered, inReplyTo, clock.instant()), origin);
            return message;
        });
        hooks.messagePosted(new PostedMessage(place, poster.handle(), filtered.value(), Optional.of(thread.value())));
        return new Posted(thread, message);
    }

    @Override
    public void edit(Caller caller, ThreadId thread, MessageId message, MessageBody body, Origin origin) {
        var editor = caller.through(Scope.BOARDS_WRITE);
        access.threadReadable(editor, boardOf(thread));
        Retried.onConflict(3, () -> {
            decideAndAppend(editor, thread, new ThreadDecider.Edit(message, editor.account(), body, clock.instant()), origin);
            return message;
        });
    }

    @Override
    public void delete(Caller moderator, ThreadId thread, MessageId message, String reason, Origin origin) {
        AccessDenied.unlessAny(moderator, Role.MODERATOR, Role.SYSOP);
        access.threadReadable(moderator, boardOf(thread));
        Retried.onConflict(3, () -> {
            decideAndAppend(moderator, thread, new ThreadDecider.Delete(message, reason, clock.instant()), origin);
            return message;
        });
    }

    @Override
    public boolean lock(Caller moderator, ThreadId thread, String reason, Origin origin) {
        AccessDenied.unlessAny(moderator, Role.MODERATOR, Role.SYSOP);
        access.threadReadable(moderator, boardOf(thread));
        return Retried.onConflict(3, () -> decideAndAppend(moderator, thread, new ThreadDecider.Lock(reason, clock.instant()), origin));
    }

    private MessagePlace placeOf(BoardId board) {
        return MessagePlace.board(board.value(), boards.board(board).map(b -> b.name().value()).orElse(board.toString()));
    }

    /**
     * The body the content filters let through ({@code filter_message_content}): as written, or as a plugin rewrote
     * it. A refusal, or a rewrite that is no longer a valid body, is {@link BoardRejected.FilteredOut}.
     */
    private MessageBody filtered(Caller poster, MessagePlace place, MessageBody body) {
        return ContentFilters.applied(hooks, new MessageDraft(place, poster.account(), poster.handle(), body.value()), body,
                MessageBody::new, "a message that can be posted",
                (plugin, why) -> new BoardRejected(new BoardRejected.FilteredOut(plugin, why)));
    }

    /** The board a thread is on, from the thread's stream. */
    private BoardId boardOf(ThreadId thread) {
        var state = Decision.Loaded.load(log, BoardStreams.thread(thread), new ThreadDecider(thread), MessageEvent.class).state();
        if (!(state instanceof ThreadDecider.Started started)) throw new BoardRejected(new NoSuchThread());
        return started.board();
    }

    /** Whether anything was recorded. */
    private boolean decideAndAppend(Caller caller, ThreadId thread, ThreadDecider.Command command, Origin origin) {
        var decision = Decision.make(log, BoardStreams.thread(thread), new ThreadDecider(thread), MessageEvent.class, command);
        if (decision.isEmpty()) return false;
        log.append(decision.toAppend(), EventMetadata.of(caller.actor(), origin.inSession(caller.sessionIfAny()), command.at()));
        return true;
    }
}
