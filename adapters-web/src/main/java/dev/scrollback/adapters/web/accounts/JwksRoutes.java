package dev.scrollback.adapters.web.accounts;

import dev.scrollback.adapters.web.Routes;
import dev.scrollback.adapters.web.shared.Api;
import io.javalin.config.RoutesConfig;
import java.util.List;

/**
 * {@code /.well-known/jwks.json}: the public keys that verify access tokens, for anyone who wants to check one: the
 * signing key and every older key whose tokens may not all have expired yet (decision 0008). Pick by {@code kid}.
 */
public final class JwksRoutes implements Routes {
    private final TokenIssuer tokens;

    public JwksRoutes(TokenIssuer tokens) {
        this.tokens = tokens;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/.well-known/jwks.json", ctx -> ctx.json(new KeySet(tokens.publicJwks())));
    }

    @Override
    public void describe(Api api) {
        api.get("/.well-known/jwks.json").summary("The public keys that verify our access tokens (JWKS)").answers(200, KeySet.class);
    }

    record KeySet(List<Jwk> keys) {}
}
