package dev.scrollback.adapters.web.admin;

import dev.scrollback.adapters.web.Routes;
import dev.scrollback.adapters.web.shared.Api;
import dev.scrollback.adapters.web.accounts.Authentication;
import dev.scrollback.adapters.web.accounts.TokenIssuer;
import dev.scrollback.adapters.web.shared.RequestOrigin;
import dev.scrollback.application.accounts.ListSigningKeys;
import dev.scrollback.application.accounts.RotateSigningKey;
import dev.scrollback.domain.accounts.SigningKeyId;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;

/**
 * A sysop lists the token signing keys ({@code GET /api/v1/admin/signing-keys}: id, algorithm, times and state, never
 * key material) and has a new one made at once ({@code POST /api/v1/admin/signing-keys/rotate}, 201 with the new
 * {@code kid}). Tokens signed before keep working until they expire. The sysop role is checked by the use cases.
 */
public final class AdminSigningKeyRoutes implements Routes {
    private final RotateSigningKey rotateSigningKey;
    private final ListSigningKeys listSigningKeys;
    private final TokenIssuer tokens;
    private final Authentication authentication;

    public AdminSigningKeyRoutes(RotateSigningKey rotateSigningKey, ListSigningKeys listSigningKeys, TokenIssuer tokens,
                                 Authentication authentication) {
        this.rotateSigningKey = rotateSigningKey;
        this.listSigningKeys = listSigningKeys;
        this.tokens = tokens;
        this.authentication = authentication;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/api/v1/admin/signing-keys", this::list);
        routes.post("/api/v1/admin/signing-keys/rotate", this::rotate);
    }

    @Override
    public void describe(Api api) {
        api.get("/api/v1/admin/signing-keys").summary("Sysop: the token signing keys and their states").authenticated()
                .answers(200, Keys.class).problems(403);
        api.post("/api/v1/admin/signing-keys/rotate").summary("Sysop: rotate the token signing key").authenticated()
                .answers(201, Rotated.class).problems(403);
    }

    private void list(Context ctx) {
        var keys = listSigningKeys.list(authentication.caller(ctx)).stream()
                .map(k -> new Key(k.key().value(), k.algorithm(), k.createdAt(), k.state().wireName(),
                        k.verifiesUntil().orElse(null), k.retiredAt().orElse(null)))
                .toList();
        ctx.json(new Keys(keys));
    }

    private void rotate(Context ctx) {
        var sysop = authentication.caller(ctx);
        var outcome = rotateSigningKey.rotate(sysop, RequestOrigin.of(ctx).inSession(sysop.session()));
        tokens.reload();                                // this instance signs with the new key from the next token on
        ctx.status(201).json(new Rotated(outcome.key().value(), outcome.previous().map(SigningKeyId::value).orElse(null)));
    }

    /** {@code previousKid} keeps verifying the tokens it signed until they expire. */
    record Rotated(String kid, String previousKid) {}

    record Keys(List<Key> keys) {}

    /** {@code state}: signing, verifying or retired; {@code verifiesUntil} only while verifying. */
    record Key(String kid, String algorithm, Instant createdAt, String state, Instant verifiesUntil, Instant retiredAt) {}
}
