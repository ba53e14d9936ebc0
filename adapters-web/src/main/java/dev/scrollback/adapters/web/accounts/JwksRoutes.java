package dev.scrollback.adapters.web.accounts;

import dev.scrollback.adapters.web.Routes;
import io.javalin.config.RoutesConfig;
import java.util.List;

/** {@code /.well-known/jwks.json}: the public key that verifies access tokens, for anyone who wants to check one. */
public final class JwksRoutes implements Routes {
    private final TokenIssuer tokens;

    public JwksRoutes(TokenIssuer tokens) {
        this.tokens = tokens;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/.well-known/jwks.json", ctx -> ctx.json(new KeySet(List.of(tokens.publicJwk()))));
    }

    record KeySet(List<Jwk> keys) {}
}
