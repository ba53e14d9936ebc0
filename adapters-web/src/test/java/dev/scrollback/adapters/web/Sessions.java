package dev.scrollback.adapters.web;

import dev.scrollback.adapters.web.accounts.Authentication;
import dev.scrollback.adapters.web.accounts.TokenIssuer;
import dev.scrollback.application.accounts.AuthenticateSession;
import dev.scrollback.application.accounts.Caller;
import dev.scrollback.domain.accounts.Role;
import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.Handle;
import dev.scrollback.domain.shared.SessionId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Open sessions for web tests: a token issuer on a controlled clock, and an AuthenticateSession fake that knows the
 * sessions opened here until they are ended.
 */
public final class Sessions {
    public static final String ISSUER = "https://bbs.example.test";
    public static final Duration ACCESS_TTL = Duration.ofMinutes(15);
    public static final Duration REFRESH_TTL = Duration.ofDays(30);

    public final dev.scrollback.application.shared.ControlledClock clock = new dev.scrollback.application.shared.ControlledClock(java.time.Instant.parse("2025-03-01T20:00:00Z"));
    public final TokenIssuer tokens;
    private final Map<SessionId, Caller> open = new ConcurrentHashMap<>();
    public final AuthenticateSession authenticateSession = (session, account) ->
            Optional.ofNullable(open.get(session)).filter(c -> c.account().equals(account));
    public final Authentication authentication;

    public Sessions(Path keyDirectory) {
        this.tokens = TokenIssuer.loadOrCreate(keyDirectory, ISSUER, clock, ACCESS_TTL, REFRESH_TTL);
        this.authentication = new Authentication(tokens, authenticateSession);
    }

    /** Opens a session for a new account and returns its caller. */
    public Caller open(String handle, Role... roles) {
        var caller = new Caller(new AccountId(UUID.randomUUID()), new Handle(handle), new SessionId(UUID.randomUUID()), Set.of(roles));
        open.put(caller.session(), caller);
        return caller;
    }

    public void end(Caller caller) {
        open.remove(caller.session());
    }

    public String accessToken(Caller caller) {
        return tokens.issue(caller.account(), caller.session()).accessToken();
    }
}
