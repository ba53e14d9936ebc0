package dev.scrollback.application.sessions;

import dev.scrollback.application.sessions.RefreshSession.Outcome.LifetimeOver;
import dev.scrollback.application.sessions.RefreshSession.Outcome.Refreshed;
import dev.scrollback.application.sessions.RefreshSession.Outcome.ReuseDetected;
import dev.scrollback.application.sessions.RefreshSession.Outcome.SessionOver;
import dev.scrollback.application.shared.Actor;
import dev.scrollback.application.shared.Decision;
import dev.scrollback.application.shared.EventLog;
import dev.scrollback.application.shared.EventMetadata;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.application.shared.Retried;
import dev.scrollback.domain.sessions.RefreshRefused;
import dev.scrollback.domain.sessions.SessionCommand;
import dev.scrollback.domain.sessions.SessionDecider;
import dev.scrollback.domain.sessions.SessionEvent;
import dev.scrollback.domain.sessions.SessionEvent.SessionEnded;
import dev.scrollback.domain.sessions.SessionEvent.SessionRefreshed;
import dev.scrollback.domain.sessions.SessionRejected;
import dev.scrollback.domain.sessions.SessionState;
import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.SessionId;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import dev.scrollback.application.shared.RateLimiter;
import java.time.Clock;
import java.time.Duration;

@Named
final class RefreshSessionService implements RefreshSession {
    private final EventLog log;
    private final Clock clock;
    private final SessionActivity activity;

    /** Per session: a client refreshes about once per access token (15 minutes); a loop that hammers is cut off. */
    static final RateLimiter.Limit PER_SESSION = new RateLimiter.Limit("refresh-per-session", 30, Duration.ofMinutes(15));

    private final RateLimiter limiter;

    @Inject
    RefreshSessionService(EventLog log, Clock clock, SessionActivity activity, RateLimiter limiter) {
        this.log = log;
        this.clock = clock;
        this.activity = activity;
        this.limiter = limiter;
    }

    @Override
    public Outcome refresh(SessionId session, AccountId account, long generation, Origin origin) {
        limiter.acquire(PER_SESSION, session.toString()).orThrow();
        var at = clock.instant();
        return Retried.onConflict(3, () -> {                 // a rival refresh or end got there first: look again
            try {
                var decision = Decision.make(log, SessionStreams.session(session), new SessionDecider(session),
                        SessionEvent.class, new SessionCommand.Refresh(generation, at));
                if (!(decision.before() instanceof SessionState.Open open) || !open.started().account().equals(account)) {
                    return new SessionOver();
                }
                return switch (decision.events().getFirst()) {
                    case SessionRefreshed refreshed -> {
                        log.append(decision.toAppend(), EventMetadata.of(Actor.user(account, open.started().handle()), origin, at));
                        activity.touch(session);
                        yield new Refreshed(refreshed.generation());
                    }
                    case SessionEnded reused -> {            // whoever presented it may not be the owner: the system ends it
                        log.append(decision.toAppend(), EventMetadata.of(Actor.system(), origin, at));
                        activity.forget(session);
                        yield new ReuseDetected();
                    }
                    case SessionEvent other -> throw new IllegalStateException("a refresh decided " + other);
                };
            } catch (RefreshRefused refused) {
                return switch (refused.reason()) {
                    case RefreshRefused.SessionOver over -> new SessionOver();
                    case RefreshRefused.LifetimeOver over -> new LifetimeOver(over.since());
                };
            } catch (SessionRejected noSuchSession) {
                return new SessionOver();
            }
        });
    }
}
