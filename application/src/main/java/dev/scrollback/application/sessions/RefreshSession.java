package dev.scrollback.application.sessions;

import dev.scrollback.application.shared.Origin;
import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.SessionId;
import java.time.Instant;

/**
 * In-port: a refresh token of {@code generation} asks for the next one ({@code SessionRefreshed}, actor the session's
 * owner). A generation other than the newest ends the session ({@code SessionEnded}, reason {@code token_reuse}, actor
 * {@code system}): the token was used before, so a copy may be in someone else's hands. The adapter issues tokens only
 * for {@link Outcome.Refreshed}.
 */
public interface RefreshSession {
    Outcome refresh(SessionId session, AccountId account, long generation, Origin origin);

    sealed interface Outcome {
        /** Issue the pair for {@code generation}. */
        record Refreshed(long generation) implements Outcome {}

        /** The token had been used already; the session has just been ended, with every token issued for it. */
        record ReuseDetected() implements Outcome {}

        /** The session has ended, never existed, or is another account's. */
        record SessionOver() implements Outcome {}

        /** The session is past its absolute lifetime (since {@code since}); its owner logs in again. */
        record LifetimeOver(Instant since) implements Outcome {}
    }
}
