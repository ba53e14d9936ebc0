package dev.scrollback.adapters.web.accounts;

import dev.scrollback.adapters.web.Routes;
import dev.scrollback.adapters.web.shared.Api;
import dev.scrollback.application.accounts.ShowProfile;
import dev.scrollback.domain.accounts.EmailAddress;
import dev.scrollback.domain.accounts.Role;
import dev.scrollback.domain.shared.RemoteAddress;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The caller's own account: {@code GET /api/v1/me}. */
public final class MeRoutes implements Routes {
    private final ShowProfile showProfile;
    private final Authentication authentication;

    public MeRoutes(ShowProfile showProfile, Authentication authentication) {
        this.showProfile = showProfile;
        this.authentication = authentication;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/api/v1/me", this::me);
    }

    @Override
    public void describe(Api api) {
        api.get("/api/v1/me").summary("My profile").authenticated().answers(200, Me.class);
    }

    private void me(Context ctx) {
        var profile = showProfile.show(authentication.caller(ctx));
        ctx.json(new Me(profile.account().toString(), profile.handle().value(), profile.email().map(EmailAddress::value),
                profile.emailVerified(), profile.roles().stream().map(Role::wireName).sorted().toList(),
                profile.registeredAt(), profile.lastLogin(), profile.previousLogin().map(PreviousLogin::of),
                profile.failedLoginsSincePreviousLogin()));
    }

    /**
     * {@code lastLogin}: when this session's login happened; {@code previousLogin}: the login before it (time, channel,
     * address); {@code failedLoginsSincePreviousLogin}: wrong passwords typed on the account between the two.
     */
    record Me(String accountId, String handle, Optional<String> email, boolean emailVerified, List<String> roles,
              Instant registeredAt, Optional<Instant> lastLogin, Optional<PreviousLogin> previousLogin,
              int failedLoginsSincePreviousLogin) {}

    record PreviousLogin(Instant at, String channel, Optional<String> address) {
        static PreviousLogin of(ShowProfile.PreviousLogin login) {
            return new PreviousLogin(login.at(), login.channel().wireName(),
                    login.address().map(RemoteAddress::value));
        }
    }
}
