package dev.scrollback.adapters.web.chat;

import dev.scrollback.adapters.web.Routes;
import dev.scrollback.adapters.web.accounts.ApiKeyProblems;
import dev.scrollback.adapters.web.accounts.Authentication;
import dev.scrollback.adapters.web.shared.Api;
import dev.scrollback.adapters.web.shared.JsonBody;
import dev.scrollback.adapters.web.shared.RequestOrigin;
import dev.scrollback.application.chat.SendPage;
import dev.scrollback.domain.chat.PageText;
import dev.scrollback.domain.shared.Handle;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Instant;

/**
 * Pages over REST: {@code POST /api/v1/pages} {@code {to, text}} interrupts a caller who is online now, wherever they
 * are (telnet or web). From an interactive login only; a caller who is away is a 409 {@code not-online}.
 */
public final class PageRoutes implements Routes {
    private final SendPage sendPage;
    private final Authentication authentication;

    public PageRoutes(SendPage sendPage, Authentication authentication) {
        this.sendPage = sendPage;
        this.authentication = authentication;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.post(ChatProblems.PAGES, this::page);
        ChatProblems.addTo(routes);
        ApiKeyProblems.addTo(routes);
    }

    @Override
    public void describe(Api api) {
        api.post(ChatProblems.PAGES).summary("Page a caller who is online now (a short line that breaks into their session)")
                .authenticated().body(PageForm.class).answers(201, Paged.class).problems(400, 403, 409, 422, 429);
    }

    private void page(Context ctx) {
        var caller = authentication.caller(ctx);
        var form = JsonBody.read(ctx, PageForm.class);
        var to = ChatRoutes.as("to", JsonBody.required(form.to(), "to"), Handle::new);
        var text = ChatRoutes.as("text", JsonBody.required(form.text(), "text"), PageText::new);
        var paged = sendPage.page(caller, to, text, RequestOrigin.of(ctx));
        ctx.status(HttpStatus.CREATED).json(new Paged(paged.page().toString(), paged.to().value(), paged.at()));
    }

    record PageForm(String to, String text) {}

    /** {@code to}: the recipient's handle as they spell it. */
    record Paged(String id, String to, Instant sentAt) {}
}
