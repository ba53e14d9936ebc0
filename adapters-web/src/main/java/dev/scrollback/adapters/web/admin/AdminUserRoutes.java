package dev.scrollback.adapters.web.admin;

import dev.scrollback.adapters.web.Routes;
import dev.scrollback.adapters.web.accounts.AccountProblems;
import dev.scrollback.adapters.web.accounts.Authentication;
import dev.scrollback.adapters.web.shared.RequestOrigin;
import dev.scrollback.application.accounts.UnlockAccount;
import dev.scrollback.domain.shared.Handle;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * Sysop actions on accounts under {@code /api/v1/admin/users/{handle}/...}. The sysop role is checked by the use case
 * (403 otherwise), not here; an unknown handle is 404.
 */
public final class AdminUserRoutes implements Routes {
    private final UnlockAccount unlockAccount;
    private final Authentication authentication;

    public AdminUserRoutes(UnlockAccount unlockAccount, Authentication authentication) {
        this.unlockAccount = unlockAccount;
        this.authentication = authentication;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.post("/api/v1/admin/users/{handle}/unlock", this::unlock);
        AccountProblems.addTo(routes);                  // unknown handle: 404
    }

    private void unlock(Context ctx) {
        var sysop = authentication.caller(ctx);
        var outcome = unlockAccount.unlock(sysop, new Handle(ctx.pathParam("handle")),
                RequestOrigin.of(ctx).inSession(sysop.session()));
        ctx.json(new Unlocked(outcome.handle().value(), outcome.wasLocked()));
    }

    /** {@code wasLocked} false: there was no lock or slow-down to lift, and nothing was recorded. */
    record Unlocked(String handle, boolean wasLocked) {}
}
