package dev.scrollback.adapters.web.boards;

import dev.scrollback.adapters.web.Routes;
import dev.scrollback.adapters.web.shared.Api;
import dev.scrollback.adapters.web.accounts.Authentication;
import dev.scrollback.adapters.web.shared.ValidationFailed;
import dev.scrollback.application.boards.SearchMessages;
import dev.scrollback.application.boards.SearchText;
import dev.scrollback.domain.shared.InvalidValue;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;

/**
 * {@code GET /api/v1/search?q=…&limit=20}: full-text search over the boards the caller may read, best first. {@code q}
 * takes words (all must match), {@code "phrases"}, {@code -not} and {@code prefix*}; nothing in it is a syntax error.
 */
public final class SearchRoutes implements Routes {
    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;

    private final SearchMessages search;
    private final Authentication authentication;

    public SearchRoutes(SearchMessages search, Authentication authentication) {
        this.search = search;
        this.authentication = authentication;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/api/v1/search", this::search);
    }

    @Override
    public void describe(Api api) {
        api.get("/api/v1/search").summary("Search the messages I may read").authenticated()
                .query("q", "limit").answers(200, Results.class).problems(400);
    }

    private void search(Context ctx) {
        var caller = authentication.caller(ctx);
        var complaint = "must be a whole number from 1 to " + MAX_LIMIT;
        int limit = (int) BoardRoutes.whole(ctx, "limit", DEFAULT_LIMIT, MAX_LIMIT, complaint);
        if (limit < 1) throw ValidationFailed.field("limit", complaint);
        if (ctx.queryParams("q").size() > 1) throw ValidationFailed.field("q", "is given more than once");
        SearchText text;
        try {
            text = new SearchText(ctx.queryParam("q"));
        } catch (InvalidValue invalid) {
            throw ValidationFailed.field("q", invalid.getMessage());
        }
        ctx.json(new Results(search.search(caller, text, limit).stream().map(Result::of).toList()));
    }

    record Results(List<Result> results) {}

    record Result(BoardRoutes.BoardRef board, String thread, String message, String author, String subject, String postedAt,
                  String snippet) {
        static Result of(SearchMessages.Found found) {
            var hit = found.hit();
            return new Result(BoardRoutes.BoardRef.of(found.board()), hit.thread().toString(), hit.message().toString(),
                    hit.author(), hit.subject().value(), hit.at().toString(), hit.snippet());
        }
    }
}
