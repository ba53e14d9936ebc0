package dev.scrollback.adapters.web.accounts;

import dev.scrollback.adapters.web.Routes;
import dev.scrollback.adapters.web.shared.Api;
import dev.scrollback.adapters.web.shared.JsonBody;
import dev.scrollback.adapters.web.shared.RequestOrigin;
import dev.scrollback.application.accounts.EraseAccount;
import dev.scrollback.domain.accounts.RoleRejected;
import dev.scrollback.domain.accounts.Secret;
import dev.scrollback.domain.shared.Handle;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Optional;

/**
 * Erasure (decision 0021): {@code DELETE /api/v1/me} erases the caller's own account, confirmed with
 * {@code {"password": ..., "totp": ...}} ({@code totp} when two-factor login is on); {@code DELETE
 * /api/v1/admin/users/{handle}} is a sysop's erasure. Both answer 204; the account's personal data reads back erased
 * from then on, and its sessions and API keys stop.
 */
public final class ErasureRoutes implements Routes {
    static final String OWN = "/api/v1/me", SYSOP = "/api/v1/admin/users/{handle}";

    private final EraseAccount eraseAccount;
    private final Authentication authentication;

    public ErasureRoutes(EraseAccount eraseAccount, Authentication authentication) {
        this.eraseAccount = eraseAccount;
        this.authentication = authentication;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.delete(OWN, this::eraseOwn);
        routes.delete(SYSOP, this::eraseBySysop);
        AccountProblems.addTo(routes);
        routes.exception(RoleRejected.class, (e, ctx) -> AccountProblems.of(e.reason()).writeTo(ctx));
    }

    @Override
    public void describe(Api api) {
        api.delete(OWN).summary("Erase my account: my personal data becomes unreadable for good").authenticated()
                .body(Confirmation.class).answers(204).problems(400, 403, 409);
        api.delete(SYSOP).summary("Sysop: erase an account").authenticated().answers(204).problems(403, 404, 409);
    }

    private void eraseOwn(Context ctx) {
        var caller = authentication.caller(ctx);
        var form = JsonBody.read(ctx, Confirmation.class);
        eraseAccount.eraseOwn(caller, new Secret(JsonBody.required(form.password(), "password")),
                Optional.ofNullable(form.totp()).map(Secret::new), RequestOrigin.of(ctx));
        ctx.status(HttpStatus.NO_CONTENT);
    }

    private void eraseBySysop(Context ctx) {
        var sysop = authentication.caller(ctx);
        eraseAccount.eraseBySysop(sysop, new Handle(ctx.pathParam("handle")), RequestOrigin.of(ctx).inSession(sysop.sessionIfAny()));
        ctx.status(HttpStatus.NO_CONTENT);
    }

    record Confirmation(String password, String totp) {
        @Override
        public String toString() {
            return "Confirmation[***]";
        }
    }
}
