package dev.scrollback.domain.accounts;

import dev.scrollback.domain.shared.SessionId;
import java.time.Instant;
import java.util.Optional;

/**
 * What a caller is shown after logging in: the login before this one, and how many wrong passwords were typed on the
 * account between the two. {@code failedSinceLatest} counts towards the next login's report.
 */
public record LoginHistory(Optional<Login> latest, Optional<Login> previous, int failedBeforeLatest, int failedSinceLatest) {

    /** One successful login: when, and the session it opened (whose start says channel and address). */
    public record Login(Instant at, SessionId session) {}

    public static LoginHistory none() {
        return new LoginHistory(Optional.empty(), Optional.empty(), 0, 0);
    }

    LoginHistory succeeded(Login login) {
        return new LoginHistory(Optional.of(login), latest, failedSinceLatest, 0);
    }

    LoginHistory failed() {
        return new LoginHistory(latest, previous, failedBeforeLatest, failedSinceLatest + 1);
    }
}
