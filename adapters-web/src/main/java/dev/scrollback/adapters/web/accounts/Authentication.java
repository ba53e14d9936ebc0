package dev.scrollback.adapters.web.accounts;

import dev.scrollback.adapters.web.shared.Unauthenticated;
import dev.scrollback.application.accounts.AuthenticateSession;
import dev.scrollback.application.accounts.Caller;
import io.javalin.http.Context;
import io.javalin.http.Header;

/**
 * Who is calling: the bearer access token names a session, and the application says whether that session is still
 * open (and with which roles). Every authenticated route asks here; nothing else reads the header.
 */
public final class Authentication {
    private static final String BEARER = "Bearer ";

    private final TokenIssuer tokens;
    private final AuthenticateSession sessions;

    public Authentication(TokenIssuer tokens, AuthenticateSession sessions) {
        this.tokens = tokens;
        this.sessions = sessions;
    }

    /** The caller of this request, or {@link Unauthenticated} (401). */
    public Caller caller(Context ctx) {
        var header = ctx.header(Header.AUTHORIZATION);
        if (header == null || header.isBlank()) throw Unauthenticated.noToken();
        if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw Unauthenticated.badToken("Send the access token as 'Authorization: Bearer <token>'.");
        }
        return switch (tokens.checkAccess(header.substring(BEARER.length()).strip())) {
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
}
