package dev.scrollback.adapters.web.admin;

import dev.scrollback.adapters.web.Routes;
import dev.scrollback.adapters.web.shared.Api;
import dev.scrollback.adapters.web.accounts.AccountProblems;
import dev.scrollback.adapters.web.accounts.Authentication;
import dev.scrollback.adapters.web.shared.RequestOrigin;
import dev.scrollback.application.accounts.ManageRoles;
import dev.scrollback.domain.accounts.Role;
import dev.scrollback.domain.accounts.RoleRejected;
import dev.scrollback.domain.shared.Handle;
import dev.scrollback.domain.shared.InvalidValue;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;

/**
 * A sysop grants ({@code POST}) or revokes ({@code DELETE}) a role at {@code /api/v1/admin/users/{handle}/roles/{role}};
 * both answer the account's roles afterwards. The sysop role is checked by the use case (403 otherwise); an unknown
 * handle is 404, an unknown role name 400.
 */
public final class AdminRoleRoutes implements Routes {
    private static final String PATH = "/api/v1/admin/users/{handle}/roles/{role}";

    private final ManageRoles manageRoles;
    private final Authentication authentication;

    public AdminRoleRoutes(ManageRoles manageRoles, Authentication authentication) {
        this.manageRoles = manageRoles;
        this.authentication = authentication;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.post(PATH, ctx -> answer(ctx, true));
        routes.delete(PATH, ctx -> answer(ctx, false));
        AccountProblems.addTo(routes);                  // unknown handle: 404
        routes.exception(RoleRejected.class, (e, ctx) -> AccountProblems.of(e.reason()).writeTo(ctx));
    }

    @Override
    public void describe(Api api) {
        api.post(PATH).summary("Sysop: grant a role").authenticated().answers(200, Roles.class).problems(403, 404, 409, 422);
        api.delete(PATH).summary("Sysop: revoke a role").authenticated().answers(200, Roles.class).problems(403, 404, 409, 422);
    }

    private void answer(Context ctx, boolean grant) {
        var sysop = authentication.caller(ctx);
        var handle = new Handle(ctx.pathParam("handle"));
        var role = role(ctx.pathParam("role"));
        var origin = RequestOrigin.of(ctx).inSession(sysop.sessionIfAny());
        var outcome = grant
                ? manageRoles.grant(sysop, handle, role, origin)
                : manageRoles.revoke(sysop, handle, role, origin);
        ctx.json(new Roles(outcome.handle().value(),
                outcome.roles().stream().sorted().map(Role::wireName).toList()));
    }

    private static Role role(String raw) {
        return Role.ofWireName(raw).orElseThrow(() -> new InvalidValue("role",
                "Unknown role; use one of sysop, moderator or auditor (member and guest follow from email verification)."));
    }

    /** The account's roles after the change, member or guest included, in a stable order. */
    record Roles(String handle, List<String> roles) {}
}
