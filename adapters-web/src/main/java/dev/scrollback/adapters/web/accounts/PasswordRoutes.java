package dev.scrollback.adapters.web.accounts;

import dev.scrollback.adapters.web.Routes;
import dev.scrollback.adapters.web.shared.Api;
import dev.scrollback.adapters.web.shared.JsonBody;
import dev.scrollback.adapters.web.shared.RequestOrigin;
import dev.scrollback.application.accounts.ChangePassword;
import dev.scrollback.domain.accounts.Secret;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/**
 * {@code POST /api/v1/me/password} with {@code {"currentPassword": ..., "newPassword": ...}}: 204, and every other
 * session of the account (with its tokens) has ended; the caller's own session and tokens go on working.
 */
public final class PasswordRoutes implements Routes {
    private final ChangePassword changePassword;
    private final Authentication authentication;

    public PasswordRoutes(ChangePassword changePassword, Authentication authentication) {
        this.changePassword = changePassword;
        this.authentication = authentication;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.post("/api/v1/me/password", this::change);
        AccountProblems.addTo(routes);
    }

    @Override
    public void describe(Api api) {
        api.post("/api/v1/me/password").summary("Change my password (ends my other sessions)").authenticated()
                .body(PasswordChangeForm.class).answers(204).problems(400, 403, 422);
    }

    private void change(Context ctx) {
        var caller = authentication.caller(ctx);
        var form = JsonBody.read(ctx, PasswordChangeForm.class);
        var current = new Secret(JsonBody.required(form.currentPassword(), "currentPassword"));
        var next = new Secret(JsonBody.required(form.newPassword(), "newPassword"));
        changePassword.change(caller, current, next, RequestOrigin.of(ctx));
        ctx.status(HttpStatus.NO_CONTENT);
    }

    record PasswordChangeForm(String currentPassword, String newPassword) {
        @Override
        public String toString() {
            return "PasswordChangeForm[***]";
        }
    }
}
