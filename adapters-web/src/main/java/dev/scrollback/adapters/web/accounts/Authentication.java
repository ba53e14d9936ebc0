package dev.scrollback.adapters.web.accounts;

import dev.scrollback.adapters.web.shared.Unauthenticated;
import dev.scrollback.application.accounts.AuthenticateApiKey;
import dev.scrollback.application.accounts.AuthenticateSession;
import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.accounts.PlainApiKey;
import io.javalin.http.Context;
import io.javalin.http.Header;

/**
 * Who is calling. The bearer credential is either an access token, which names a session that the application says is
 * still open (and with which roles), or an API key, told apart by its {@code sbk_} prefix, which the application
 * checks against the key's stream. Every authenticated route asks here; nothing else reads the header.
 */
public final class Authentication {
    private static final String BEARER = "Bearer ";

    private final TokenIssuer tokens;
    private final AuthenticateSession sessions;
    private final AuthenticateApiKey apiKeys;

    public Authentication(TokenIssuer tokens, AuthenticateSession sessions, AuthenticateApiKey apiKeys) {
        this.tokens = tokens;
        this.sessions = sessions;
        this.apiKeys = apiKeys;
    }

    /** Without API keys: every key is refused as unknown (for tests and tools that only deal in sessions). */
    public Authentication(TokenIssuer tokens, AuthenticateSession sessions) {
        this(tokens, sessions, key -> new AuthenticateApiKey.Check.Unknown());
    }

    /** The caller of this request, or {@link Unauthenticated} (401). */
    public Caller caller(Context ctx) {
        var header = ctx.header(Header.AUTHORIZATION);
        if (header == null || header.isBlank()) throw Unauthenticated.noToken();
        if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw Unauthenticated.badToken("Send the access token or API key as 'Authorization: Bearer <token>'.");
        }
        return presenting(header.substring(BEARER.length()).strip());
    }

    /**
     * The caller an access token or API key speaks for, or {@link Unauthenticated}: for transports that cannot carry
     * the header (a browser's WebSocket passes it as a query parameter).
     */
    public Caller presenting(String credential) {
        if (credential.isBlank()) throw Unauthenticated.noToken();
        if (PlainApiKey.looksLikeOne(credential)) return keyHolder(credential);
        return switch (tokens.checkAccess(credential)) {
            case TokenCheck.Valid valid -> openSession(valid.token());
            case TokenCheck.Expired expired -> throw Unauthenticated.badToken(
                    "The access token has expired; get a new one from POST /api/v1/sessions/refresh.");
            case TokenCheck.Invalid invalid -> throw Unauthenticated.badToken("The access token is not valid; log in again.");
        };
    }

    /** The caller a refresh token speaks for, if its session is still open. */
    Caller refreshing(String refreshToken) {
        return switch (tokens.checkRefresh(refreshToken)) {
            case TokenCheck.Valid valid -> openSession(valid.token());
            case TokenCheck.Expired expired -> throw Unauthenticated.badToken("The refresh token has expired; log in again.");
            case TokenCheck.Invalid invalid -> throw Unauthenticated.badToken("The refresh token is not valid; log in again.");
        };
    }

    TokenIssuer tokens() {
        return tokens;
    }

    private Caller openSession(SessionToken token) {
        return sessions.authenticate(token.session(), token.account())
                .orElseThrow(() -> Unauthenticated.badToken("This session has ended; log in again."));
    }

    private Caller keyHolder(String credential) {
        if (credential.length() > PlainApiKey.MAX_PRESENTED) throw unknownKey();
        return switch (apiKeys.authenticate(new PlainApiKey(credential))) {
            case AuthenticateApiKey.Check.Valid valid -> valid.caller();
            case AuthenticateApiKey.Check.Unknown unknown -> throw unknownKey();
            case AuthenticateApiKey.Check.Revoked revoked -> throw Unauthenticated.badToken(
                    "This API key was revoked; make a new one (POST /api/v1/me/api-keys) and use that.");
            case AuthenticateApiKey.Check.Expired expired -> throw Unauthenticated.badToken(
                    "This API key has expired; make a new one (POST /api/v1/me/api-keys) and use that.");
            case AuthenticateApiKey.Check.AccountCannotAct locked -> throw Unauthenticated.badToken(
                    "The account of this API key is locked by a sysop or must set a new password; its keys work "
                            + "again once that is over.");
        };
    }

    private static Unauthenticated unknownKey() {
        return Unauthenticated.badToken("This API key is not valid: check that it was copied whole (it is "
                + PlainApiKey.LENGTH + " characters and starts with '" + PlainApiKey.PREFIX + "').");
    }
}
