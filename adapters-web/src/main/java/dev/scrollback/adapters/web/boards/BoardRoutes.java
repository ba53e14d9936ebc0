package dev.scrollback.adapters.web.boards;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scrollback.adapters.web.Routes;
import dev.scrollback.adapters.web.shared.Api;
import dev.scrollback.adapters.web.accounts.ApiKeyProblems;
import dev.scrollback.adapters.web.accounts.Authentication;
import dev.scrollback.adapters.web.shared.JsonBody;
import dev.scrollback.adapters.web.shared.RequestOrigin;
import dev.scrollback.adapters.web.shared.ValidationFailed;
import dev.scrollback.application.boards.Boards;
import dev.scrollback.application.boards.CreateBoard;
import dev.scrollback.application.boards.EditMessage;
import dev.scrollback.application.boards.ListBoards;
import dev.scrollback.application.boards.ListThreads;
import dev.scrollback.application.boards.ModerateThread;
import dev.scrollback.application.boards.NewScan;
import dev.scrollback.application.boards.PostMessage;
import dev.scrollback.application.boards.ReadThread;
import dev.scrollback.domain.accounts.Role;
import dev.scrollback.domain.boards.BoardAccess;
import dev.scrollback.domain.boards.BoardId;
import dev.scrollback.domain.boards.BoardName;
import dev.scrollback.domain.boards.ConferenceName;
import dev.scrollback.domain.boards.MessageBody;
import dev.scrollback.domain.boards.MessageId;
import dev.scrollback.domain.boards.Subject;
import dev.scrollback.domain.boards.ThreadId;
import dev.scrollback.domain.shared.InvalidValue;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The boards over REST: boards, threads, posting, moderation and new-scan, for scripts and other clients. Every route
 * needs a caller (a login or an API key; posting with a key needs {@code boards:write}); who may see or do what is the
 * application's to decide. A board or thread the caller may not read is 404, like one that does not exist. Pages are
 * bounded: {@code limit} at most {@value #MAX_THREADS} threads or {@value #MAX_NEW} new messages.
 */
public final class BoardRoutes implements Routes {
    static final int DEFAULT_THREADS = 50;
    static final int MAX_THREADS = 200;
    static final int DEFAULT_NEW = 50;
    static final int MAX_NEW = 500;

    private final CreateBoard createBoard;
    private final ListBoards listBoards;
    private final ListThreads listThreads;
    private final ReadThread readThread;
    private final PostMessage postMessage;
    private final EditMessage editMessage;
    private final ModerateThread moderateThread;
    private final NewScan newScan;
    private final Authentication authentication;

    public BoardRoutes(CreateBoard createBoard, ListBoards listBoards, ListThreads listThreads, ReadThread readThread,
                       PostMessage postMessage, EditMessage editMessage, ModerateThread moderateThread, NewScan newScan,
                       Authentication authentication) {
        this.createBoard = createBoard;
        this.listBoards = listBoards;
        this.listThreads = listThreads;
        this.readThread = readThread;
        this.postMessage = postMessage;
        this.editMessage = editMessage;
        this.moderateThread = moderateThread;
        this.newScan = newScan;
        this.authentication = authentication;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/api/v1/boards", this::boards);
        routes.post("/api/v1/boards", this::createBoard);
        routes.get("/api/v1/boards/{id}/threads", this::threads);
        routes.post("/api/v1/boards/{id}/threads", this::startThread);
        routes.post("/api/v1/boards/{id}/read", this::markRead);
        routes.get("/api/v1/threads/{id}", this::thread);
        routes.post("/api/v1/threads/{id}/messages", this::reply);
        routes.patch("/api/v1/threads/{id}/messages/{messageId}", this::edit);
        routes.delete("/api/v1/threads/{id}/messages/{messageId}", this::delete);
        routes.post("/api/v1/threads/{id}/lock", this::lock);
        routes.get("/api/v1/new", this::newMessages);
        routes.post("/api/v1/new/read-all", this::markAllRead);
        BoardProblems.addTo(routes);
        ApiKeyProblems.addTo(routes);                   // a key without boards:write: 403 naming the scope
    }

    @Override
    public void describe(Api api) {
        api.get("/api/v1/boards").summary("The boards I may read, with unread counts").authenticated().answers(200, BoardList.class);
        api.post("/api/v1/boards").summary("Sysop: create a board").authenticated()
                .body(BoardForm.class).answers(201, Created.class).problems(400, 403, 409);
        api.get("/api/v1/boards/{id}/threads").summary("A board's threads, a page at a time").authenticated()
                .query("offset", "limit").answers(200, ThreadPage.class).problems(400, 403, 404);
        api.post("/api/v1/boards/{id}/threads").summary("Start a thread").authenticated()
                .body(ThreadForm.class).answers(201, ThreadStarted.class).problems(400, 403, 404);
        api.post("/api/v1/boards/{id}/read").summary("Mark a board read up to a message number").authenticated()
                .body(ReadForm.class).answers(204).problems(400, 403, 404);
        api.get("/api/v1/threads/{id}").summary("A thread with its messages").authenticated()
                .answers(200, ThreadPageView.class).problems(400, 403, 404);
        api.post("/api/v1/threads/{id}/messages").summary("Reply in a thread").authenticated()
                .body(ReplyForm.class).answers(201, Replied.class).problems(400, 403, 404, 409);
        api.patch("/api/v1/threads/{id}/messages/{messageId}").summary("Edit my message (within the edit window)")
                .authenticated().body(EditForm.class).answers(204).problems(400, 403, 404, 409);
        api.delete("/api/v1/threads/{id}/messages/{messageId}").summary("Delete a message (mine, or as a moderator with a reason)")
                .authenticated().optionalBody(DeleteForm.class).query("reason").answers(204).problems(400, 403, 404, 409);
        api.post("/api/v1/threads/{id}/lock").summary("Moderator: lock a thread").authenticated()
                .body(LockForm.class).answers(200, Locked.class).problems(400, 403, 404);
        api.get("/api/v1/new").summary("New messages since I last read, oldest first").authenticated()
                .query("limit").answers(200, NewPage.class).problems(400);
        api.post("/api/v1/new/read-all").summary("Mark every board read").authenticated().answers(204);
    }

    private void boards(Context ctx) {
        var caller = authentication.caller(ctx);
        ctx.json(new BoardList(listBoards.list(caller).stream().map(BoardSummaryView::of).toList()));
    }

    private void createBoard(Context ctx) {
        var sysop = authentication.caller(ctx);
        var form = JsonBody.read(ctx, BoardForm.class);
        var access = new BoardAccess(roles(form.readers(), "readers"), roles(form.posters(), "posters"));
        var board = createBoard.create(sysop, new ConferenceName(form.conference()), new BoardName(form.name()),
                Optional.ofNullable(form.description()).orElse(""), access, RequestOrigin.of(ctx));
        ctx.status(HttpStatus.CREATED).json(new Created(board.toString()));
    }

    private void threads(Context ctx) {
        var caller = authentication.caller(ctx);
        int offset = (int) whole(ctx, "offset", 0, Integer.MAX_VALUE, "must be a whole number from 0");
        int limit = (int) whole(ctx, "limit", DEFAULT_THREADS, MAX_THREADS, "must be a whole number from 1 to " + MAX_THREADS);
        if (limit < 1) throw ValidationFailed.field("limit", "must be a whole number from 1 to " + MAX_THREADS);
        var page = listThreads.list(caller, boardId(ctx), offset, limit);
        ctx.json(new ThreadPage(BoardView.of(page.board(), page.board().access().mayPost(caller.roles())),
                page.threads().stream().map(ThreadSummaryView::of).toList(), page.total()));
    }

    private void startThread(Context ctx) {
        var caller = authentication.caller(ctx);
        var board = boardId(ctx);
        var form = JsonBody.read(ctx, ThreadForm.class);
        var posted = postMessage.startThread(caller, board, new Subject(form.subject()), new MessageBody(form.body()),
                RequestOrigin.of(ctx));
        ctx.status(HttpStatus.CREATED).json(new ThreadStarted(posted.thread().toString(), posted.message().toString()));
    }

    private void markRead(Context ctx) {
        var caller = authentication.caller(ctx);
        var board = boardId(ctx);
        var form = JsonBody.read(ctx, ReadForm.class);
        newScan.markRead(caller, board, form.number(), RequestOrigin.of(ctx));
        ctx.status(HttpStatus.NO_CONTENT);
    }

    private void thread(Context ctx) {
        var caller = authentication.caller(ctx);
        var view = readThread.read(caller, threadId(ctx));
        ctx.json(ThreadPageView.of(view));
    }

    private void reply(Context ctx) {
        var caller = authentication.caller(ctx);
        var thread = threadId(ctx);
        var form = JsonBody.read(ctx, ReplyForm.class);
        var inReplyTo = Optional.ofNullable(form.inReplyTo()).map(text -> messageId(text, "inReplyTo"));
        var subject = Optional.ofNullable(form.subject()).filter(s -> !s.isBlank()).map(Subject::new);
        var posted = postMessage.reply(caller, thread, inReplyTo, subject, new MessageBody(form.body()), RequestOrigin.of(ctx));
        ctx.status(HttpStatus.CREATED).json(new Replied(posted.message().toString()));
    }

    private void edit(Context ctx) {
        var caller = authentication.caller(ctx);
        var thread = threadId(ctx);
        var message = messageId(ctx.pathParam("messageId"), "messageId");
        var form = JsonBody.read(ctx, EditForm.class);
        editMessage.edit(caller, thread, message, new MessageBody(form.body()), RequestOrigin.of(ctx));
        ctx.status(HttpStatus.NO_CONTENT);
    }

    /** The reason in a JSON body {@code {"reason": ...}}, or as {@code ?reason=} for clients that send no DELETE body. */
    private void delete(Context ctx) {
        var moderator = authentication.caller(ctx);
        var thread = threadId(ctx);
        var message = messageId(ctx.pathParam("messageId"), "messageId");
        var reason = ctx.bodyAsBytes().length > 0 ? JsonBody.read(ctx, DeleteForm.class).reason() : ctx.queryParam("reason");
        moderateThread.delete(moderator, thread, message, JsonBody.required(reason, "reason"), RequestOrigin.of(ctx));
        ctx.status(HttpStatus.NO_CONTENT);
    }

    /** The body is optional: no body, or {@code {"reason": ...}}. */
    private void lock(Context ctx) {
        var moderator = authentication.caller(ctx);
        var thread = threadId(ctx);
        var reason = ctx.bodyAsBytes().length > 0 ? JsonBody.read(ctx, LockForm.class).reason() : null;
        boolean changed = moderateThread.lock(moderator, thread, reason == null ? "" : reason, RequestOrigin.of(ctx));
        ctx.json(new Locked(true, changed));
    }

    private void newMessages(Context ctx) {
        var caller = authentication.caller(ctx);
        int limit = (int) whole(ctx, "limit", DEFAULT_NEW, MAX_NEW, "must be a whole number from 1 to " + MAX_NEW);
        if (limit < 1) throw ValidationFailed.field("limit", "must be a whole number from 1 to " + MAX_NEW);
        var scan = newScan.scan(caller, limit);
        ctx.json(new NewPage(scan.messages().stream().map(NewMessageView::of).toList(), scan.more()));
    }

    private void markAllRead(Context ctx) {
        var caller = authentication.caller(ctx);
        newScan.markAllRead(caller, RequestOrigin.of(ctx));
        ctx.status(HttpStatus.NO_CONTENT);
    }

    // ---- input ----

    private static BoardId boardId(Context ctx) {
        var text = ctx.pathParam("id");
        try {
            return BoardId.parse(text);
        } catch (InvalidValue e) {
            throw ValidationFailed.field("id", "is not a board id (a UUID like 0190c1e2-7b3a-7c4d-8e5f-000000000000)");
        }
    }

    private static ThreadId threadId(Context ctx) {
        try {
            return ThreadId.parse(ctx.pathParam("id"));
        } catch (InvalidValue e) {
            throw ValidationFailed.field("id", "is not a thread id (a UUID like 0190c1e2-7b3a-7c4d-8e5f-000000000000)");
        }
    }

    private static MessageId messageId(String text, String field) {
        try {
            return MessageId.parse(text);
        } catch (InvalidValue e) {
            throw ValidationFailed.field(field, "is not a message id (a UUID like 0190c1e2-7b3a-7c4d-8e5f-000000000000)");
        }
    }

    private static Set<Role> roles(List<String> names, String field) {
        if (names == null || names.isEmpty()) {
            throw ValidationFailed.field(field, "must name at least one role (" + knownRoles() + ")");
        }
        var roles = EnumSet.noneOf(Role.class);
        for (var name : names) {
            if (name == null) throw ValidationFailed.field(field, "must hold role names (" + knownRoles() + ")");
            roles.add(Role.ofWireName(name).orElseThrow(() -> ValidationFailed.field(field,
                    "holds an unknown role; the roles are " + knownRoles())));
        }
        return roles;
    }

    private static String knownRoles() {
        return EnumSet.allOf(Role.class).stream().map(Role::wireName).collect(Collectors.joining(", "));
    }

    /** A whole number query parameter from 0 to {@code max}; absent or empty: {@code otherwise}. */
    static long whole(Context ctx, String name, long otherwise, long max, String complaint) {
        var text = ctx.queryParam(name);
        if (text == null || text.isEmpty()) return otherwise;
        if (text.length() > 10 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) throw ValidationFailed.field(name, complaint);
        long value = Long.parseLong(text);
        if (value > max) throw ValidationFailed.field(name, complaint);
        return value;
    }

    /** {@code readers} and {@code posters}: role names; whoever may post may read, and sysops may always both. */
    record BoardForm(String conference, String name, String description, List<String> readers, List<String> posters) {}

    record ThreadForm(String subject, String body) {}

    /** {@code subject} absent: "Re: " and the thread's subject; {@code inReplyTo} absent: a reply to the thread. */
    record ReplyForm(String body, String inReplyTo, String subject) {}

    record EditForm(String body) {}

    record DeleteForm(String reason) {}

    record LockForm(String reason) {}

    /** Read as a JSON node: Jackson would quietly cut {@code 1.5} to {@code 1}, and a mark must be a message number. */
    record ReadForm(JsonNode upTo) {
        long number() {
            if (upTo == null || upTo.isNull()) throw ValidationFailed.required("upTo");
            if (!upTo.isIntegralNumber() || !upTo.canConvertToLong()) {
                throw ValidationFailed.field("upTo", "must be a message number (a whole number)");
            }
            return upTo.longValue();
        }
    }

    // ---- output ----

    record BoardList(List<BoardSummaryView> boards) {}

    /** {@code messages}: the number of the board's newest message; {@code unread}: live messages after the caller's mark. */
    record BoardSummaryView(String id, String conference, String name, String description, int threads, long messages,
                            int unread, boolean mayPost, Optional<Instant> lastPostAt) {
        static BoardSummaryView of(ListBoards.BoardSummary s) {
            var b = s.board();
            return new BoardSummaryView(b.board().toString(), b.conference().value(), b.name().value(), b.description(),
                    s.threads(), s.messages(), s.unread(), s.mayPost(), s.lastPostAt());
        }
    }

    record BoardView(String id, String conference, String name, String description, boolean mayPost) {
        static BoardView of(Boards.Board b, boolean mayPost) {
            return new BoardView(b.board().toString(), b.conference().value(), b.name().value(), b.description(), mayPost);
        }
    }

    record ThreadPage(BoardView board, List<ThreadSummaryView> threads, int total) {}

    record ThreadSummaryView(String id, String subject, String startedBy, Instant startedAt, Instant lastPostAt, int messages,
                             boolean locked) {
        static ThreadSummaryView of(Boards.Thread t) {
            return new ThreadSummaryView(t.thread().toString(), t.subject().value(), t.startedBy().value(), t.startedAt(),
                    t.lastPostAt(), t.messages(), t.locked());
        }
    }

    record BoardRef(String id, String name) {
        static BoardRef of(Boards.Board b) {
            return new BoardRef(b.board().toString(), b.name().value());
        }
    }

    record ThreadPageView(ThreadView thread, List<MessageView> messages) {
        static ThreadPageView of(ReadThread.ThreadView v) {
            return new ThreadPageView(new ThreadView(v.thread().toString(), v.subject().value(), v.locked(), v.mayReply(),
                    v.mayModerate(), BoardRef.of(v.board())), v.messages().stream().map(MessageView::of).toList());
        }
    }

    record ThreadView(String id, String subject, boolean locked, boolean mayReply, boolean mayModerate, BoardRef board) {}

    /**
     * A deleted message keeps its place: {@code body} null, {@code deletedBecause} the moderator's reason. A plugin's
     * reply has {@code plugin} true and the plugin's name as {@code author}.
     */
    record MessageView(String id, long number, String author, boolean plugin, String subject, Optional<String> body,
                       Instant postedAt, Optional<Instant> editedAt, Optional<String> deletedBecause,
                       Optional<String> inReplyTo) {
        static MessageView of(ReadThread.MessageView m) {
            return new MessageView(m.message().toString(), m.number(), m.author(), m.plugin(), m.subject().value(),
                    m.body().map(MessageBody::value), m.postedAt(), m.editedAt(), m.deletedBecause(),
                    m.inReplyTo().map(MessageId::toString));
        }
    }

    record NewPage(List<NewMessageView> messages, boolean more) {}

    record NewMessageView(BoardRef board, String thread, String message, long number, String author, boolean plugin,
                          String subject, Instant postedAt) {
        static NewMessageView of(NewScan.NewMessage m) {
            var e = m.entry();
            return new NewMessageView(BoardRef.of(m.board()), e.thread().toString(), e.message().toString(), e.number(),
                    e.author(), e.byPlugin(), e.subject().value(), e.at());
        }
    }

    record Created(String id) {}

    record ThreadStarted(String threadId, String messageId) {}

    record Replied(String messageId) {}

    record Locked(boolean locked, boolean changed) {}
}
