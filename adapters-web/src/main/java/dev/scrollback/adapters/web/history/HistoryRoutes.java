package dev.scrollback.adapters.web.history;

import dev.scrollback.adapters.web.Routes;
import dev.scrollback.adapters.web.accounts.AccountProblems;
import dev.scrollback.adapters.web.accounts.Authentication;
import dev.scrollback.adapters.web.boards.BoardProblems;
import dev.scrollback.adapters.web.shared.Api;
import dev.scrollback.adapters.web.shared.ValidationFailed;
import dev.scrollback.application.history.HistoryPoint;
import dev.scrollback.application.history.ShowAccountAsOf;
import dev.scrollback.application.history.ShowBoardAsOf;
import dev.scrollback.application.history.ShowThreadAsOf;
import dev.scrollback.application.history.TimeTravel;
import dev.scrollback.domain.boards.BoardId;
import dev.scrollback.domain.boards.ThreadId;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Optional;

/**
 * Time travel (issue 7): an account, a board or a thread as it was at a point, folded from its stream by the live
 * deciders. {@code GET /api/v1/history/accounts/{account}} (an id or a handle), {@code .../boards/{board}} (with
 * {@code offset} and {@code limit} over its threads), {@code .../threads/{thread}}, each with exactly one of
 * {@code at} (an ISO-8601 instant, not in the future) or {@code position} (a global position, not beyond the head).
 * Sysops and auditors only (the use cases check; an API key needs {@code audit:read} or {@code admin}). Neither or
 * both, a malformed or repeated one, a future time or a position beyond the head: 400; an unknown id: 404.
 */
public final class HistoryRoutes implements Routes {
    static final String ACCOUNT = "/api/v1/history/accounts/{account}";
    static final String BOARD = "/api/v1/history/boards/{board}";
    static final String THREAD = "/api/v1/history/threads/{thread}";

    private final ShowAccountAsOf accounts;
    private final ShowBoardAsOf boards;
    private final ShowThreadAsOf threads;
    private final Authentication authentication;

    public HistoryRoutes(ShowAccountAsOf accounts, ShowBoardAsOf boards, ShowThreadAsOf threads, Authentication authentication) {
        this.accounts = accounts;
        this.boards = boards;
        this.threads = threads;
        this.authentication = authentication;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get(ACCOUNT, this::account);
        routes.get(BOARD, this::board);
        routes.get(THREAD, this::thread);
        AccountProblems.addTo(routes);                 // unknown account: 404
        BoardProblems.addTo(routes);                   // unknown board or thread: 404
    }

    @Override
    public void describe(Api api) {
        api.get(ACCOUNT).summary("An account as it was at a time or position, folded from its stream (sysops and auditors)")
                .authenticated().query("at", "position").answers(200, AsOfJson.AccountAnswer.class).problems(400, 403, 404);
        api.get(BOARD).summary("A board and the threads it held at a time or position (sysops and auditors)")
                .authenticated().query("at", "position", "offset", "limit").answers(200, AsOfJson.BoardAnswer.class)
                .problems(400, 403, 404);
        api.get(THREAD).summary("A thread's messages as they read at a time or position (sysops and auditors)")
                .authenticated().query("at", "position").answers(200, AsOfJson.ThreadAnswer.class).problems(400, 403, 404);
    }

    private void account(Context ctx) {
        var caller = authentication.caller(ctx);
        var point = point(ctx);
        ctx.json(AsOfJson.account(accounts.show(caller, ctx.pathParam("account"), point)));
    }

    private void board(Context ctx) {
        var caller = authentication.caller(ctx);
        var board = BoardId.parse(ctx.pathParam("board"));
        var point = point(ctx);
        int offset = whole(ctx, "offset", 0, Integer.MAX_VALUE);
        int limit = whole(ctx, "limit", TimeTravel.DEFAULT_THREADS, TimeTravel.MAX_THREADS);
        ctx.json(AsOfJson.board(boards.show(caller, board, point, offset, limit)));
    }

    private void thread(Context ctx) {
        var caller = authentication.caller(ctx);
        var thread = ThreadId.parse(ctx.pathParam("thread"));
        var point = point(ctx);
        ctx.json(AsOfJson.thread(threads.show(caller, thread, point)));
    }

    /** Exactly one of {@code at} and {@code position}. */
    static HistoryPoint point(Context ctx) {
        var at = single(ctx, "at");
        var position = single(ctx, "position");
        if (at.isPresent() && position.isPresent()) {
            throw ValidationFailed.request("Give either at (a time) or position (a global position), not both.");
        }
        if (at.isPresent()) return HistoryPoint.atTime(at.get());
        if (position.isPresent()) return HistoryPoint.atPosition(position.get());
        throw ValidationFailed.request("Say when: at=<ISO-8601 instant, e.g. 2031-05-01T12:00:00Z> or position=<global position>.");
    }

    /** An absent or empty parameter is no parameter; one given twice is ambiguous, so refused. */
    private static Optional<String> single(Context ctx, String name) {
        var values = ctx.queryParams(name);
        if (values.size() > 1) throw ValidationFailed.field(name, "is given more than once");
        return values.stream().filter(v -> !v.isEmpty()).findFirst();
    }

    private static int whole(Context ctx, String name, int otherwise, int max) {
        var complaint = name.equals("limit") ? "must be a whole number from 1 to " + max : "must be a whole number, 0 or more";
        var text = single(ctx, name);
        if (text.isEmpty()) return otherwise;
        var digits = text.get();
        if (digits.length() > 9 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) throw ValidationFailed.field(name, complaint);
        int value = Integer.parseInt(digits);
        if (value > max || (name.equals("limit") && value < 1)) throw ValidationFailed.field(name, complaint);
        return value;
    }
}
