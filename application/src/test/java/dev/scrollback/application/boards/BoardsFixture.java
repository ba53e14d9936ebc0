package dev.scrollback.application.boards;

import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.shared.ControlledClock;
import dev.scrollback.application.shared.CountingRateLimiter;
import dev.scrollback.application.shared.InMemoryEventLog;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.application.shared.RateLimiter;
import dev.scrollback.application.shared.RecordedEvent;
import dev.scrollback.domain.accounts.ApiKeyId;
import dev.scrollback.domain.accounts.Role;
import dev.scrollback.domain.accounts.Scope;
import dev.scrollback.domain.boards.BoardAccess;
import dev.scrollback.domain.boards.BoardId;
import dev.scrollback.domain.boards.BoardName;
import dev.scrollback.domain.boards.BoardsEvent;
import dev.scrollback.domain.boards.ConferenceName;
import dev.scrollback.domain.boards.MessageBody;
import dev.scrollback.domain.boards.MessageId;
import dev.scrollback.domain.boards.Subject;
import dev.scrollback.domain.boards.ThreadId;
import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.Channel;
import dev.scrollback.domain.shared.Handle;
import dev.scrollback.domain.shared.RemoteAddress;
import dev.scrollback.domain.shared.SessionId;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The boards use cases wired by hand on an in-memory log, a controlled clock and a counting limiter, with the boards
 * projection fed from the log by {@link #catchUp()}, as the processor does in the running system (there it lags a
 * moment; here a test says when it has caught up). Public, so the web adapter's route tests drive the real services.
 */
public final class BoardsFixture {
    public static final Instant T0 = Instant.parse("2025-03-01T20:00:00Z");
    public static final Origin WEB = Origin.of(Channel.WEB, new RemoteAddress("192.0.2.7"));

    public final InMemoryEventLog log = new InMemoryEventLog();
    public final ControlledClock clock;
    public final Boards boards = new Boards();

    private final BoardPosting posting;
    private final BoardQueries queries;
    private final NewScanService scanning;
    private long fedUpTo;

    public final CreateBoard createBoard;
    public final PostMessage postMessage;
    public final EditMessage editMessage;
    public final ModerateThread moderateThread;
    public final ListBoards listBoards;
    public final ListThreads listThreads;
    public final ReadThread readThread;
    public final NewScan newScan;

    /** On a clock at {@link #T0}, with a counting limiter on it. */
    public BoardsFixture() {
        this(new ControlledClock(T0));
    }

    private BoardsFixture(ControlledClock clock) {
        this(clock, new CountingRateLimiter(clock));
    }

    public BoardsFixture(ControlledClock clock, RateLimiter limits) {
        this.clock = clock;
        this.posting = new BoardPosting(log, boards, clock, limits);
        this.queries = new BoardQueries(boards, log);
        this.scanning = new NewScanService(boards, log, clock);
        this.createBoard = posting;
        this.postMessage = posting;
        this.editMessage = posting;
        this.moderateThread = posting;
        this.listBoards = queries;
        this.listThreads = queries;
        this.readThread = queries;
        this.newScan = scanning;
    }

    /** Feeds the boards projection everything recorded since it last caught up, in log order. */
    public synchronized void catchUp() {
        for (List<RecordedEvent> batch = log.readAfter(fedUpTo, 1000); !batch.isEmpty(); batch = log.readAfter(fedUpTo, 1000)) {
            for (var recorded : batch) {
                if (recorded.event() instanceof BoardsEvent event) boards.apply(event);
                fedUpTo = recorded.position();
            }
        }
    }

    public static Caller caller(String handle, Role... roles) {
        return new Caller(new AccountId(UUID.randomUUID()), new Handle(handle), new SessionId(UUID.randomUUID()),
                Set.copyOf(Arrays.asList(roles)));
    }

    public static Caller sysop(String handle) {
        return caller(handle, Role.SYSOP, Role.MEMBER);
    }

    public static Caller member(String handle) {
        return caller(handle, Role.MEMBER);
    }

    public static Caller moderator(String handle) {
        return caller(handle, Role.MODERATOR, Role.MEMBER);
    }

    /** An account whose email is not verified yet. */
    public static Caller guest(String handle) {
        return caller(handle, Role.GUEST);
    }

    /** The same account presenting an API key with {@code scopes}. */
    public static Caller withKey(Caller owner, Scope... scopes) {
        return Caller.withApiKey(owner.account(), owner.handle(), new ApiKeyId(UUID.randomUUID()), Set.of(scopes), owner.roles());
    }

    public static BoardAccess access(Set<Role> readers, Set<Role> posters) {
        return new BoardAccess(readers, posters);
    }

    /** A board opened by {@code sysop}, projected. */
    public BoardId board(Caller sysop, String conference, String name, BoardAccess access) {
        var id = createBoard.create(sysop, new ConferenceName(conference), new BoardName(name), "About " + name, access, WEB);
        catchUp();
        return id;
    }

    public PostMessage.Posted start(Caller caller, BoardId board, String subject, String body) {
        var posted = postMessage.startThread(caller, board, new Subject(subject), new MessageBody(body), WEB);
        catchUp();
        return posted;
    }

    public PostMessage.Posted reply(Caller caller, ThreadId thread, Optional<MessageId> inReplyTo, String body) {
        var posted = postMessage.reply(caller, thread, inReplyTo, Optional.empty(), new MessageBody(body), WEB);
        catchUp();
        return posted;
    }

    /** The plugin {@code plugin} replies {@code text} in {@code thread} ({@code post_message}), then the projections catch up. */
    public dev.scrollback.application.hooks.PostOutcome pluginReply(ThreadId thread, String plugin, String text) {
        var outcome = new PluginThreadReplies(log, clock, new CountingRateLimiter(clock)).reply(new dev.scrollback.application
                .hooks.PluginReply(new dev.scrollback.domain.shared.PluginName(plugin), UUID.randomUUID(), thread.value(), text));
        catchUp();
        return outcome;
    }

    /** Everything recorded after {@code position}. */
    public List<RecordedEvent> since(long position) {
        return log.readAfter(position, 10_000);
    }
}
