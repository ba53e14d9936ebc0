package dev.scrollback.domain.sessions;

import dev.scrollback.domain.sessions.RefreshRefused.LifetimeOver;
import dev.scrollback.domain.sessions.RefreshRefused.SessionOver;
import dev.scrollback.domain.sessions.SessionCommand.End;
import dev.scrollback.domain.sessions.SessionCommand.Refresh;
import dev.scrollback.domain.sessions.SessionCommand.Start;
import dev.scrollback.domain.sessions.SessionEvent.SessionEnded;
import dev.scrollback.domain.sessions.SessionEvent.SessionRefreshed;
import dev.scrollback.domain.sessions.SessionEvent.SessionStarted;
import dev.scrollback.domain.sessions.SessionRejected.AlreadyStarted;
import dev.scrollback.domain.sessions.SessionRejected.NoSuchSession;
import dev.scrollback.domain.sessions.SessionState.Ended;
import dev.scrollback.domain.sessions.SessionState.NotStarted;
import dev.scrollback.domain.sessions.SessionState.Open;
import dev.scrollback.domain.shared.Decider;
import dev.scrollback.domain.shared.SessionId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One session: started once, ended once. Ending an ended session is a no-op, so racing enders are harmless.
 *
 * <p>The session is also the family of its refresh tokens: each refresh rotates to the next generation, and a token
 * of any other generation (one already used, so perhaps copied) ends the session — every token issued for it dies with
 * it, since every request checks that its session is open. A session refreshes for {@link #REFRESH_LIFETIME} after it
 * started and no longer, however often it rotated.
 */
public final class SessionDecider implements Decider<SessionCommand, SessionState, SessionEvent> {
    /** The absolute lifetime of a session's refresh tokens, counted from login. */
    public static final Duration REFRESH_LIFETIME = Duration.ofDays(30);

    private final SessionId session;

    public SessionDecider(SessionId session) {
        this.session = session;
    }

    @Override
    public SessionState initialState() {
        return new NotStarted();
    }

    @Override
    public List<SessionEvent> decide(SessionCommand command, SessionState state) {
        return switch (command) {
            case Start s when state instanceof NotStarted -> List.of(new SessionStarted(session, s.account(), s.handle(),
                    s.channel(), s.address(), s.terminal(), s.at()));
            case Start s -> throw new SessionRejected(new AlreadyStarted());
            case End e -> switch (state) {
                case NotStarted n -> throw new SessionRejected(new NoSuchSession());
                case Open o -> List.of(ended(o, e.reason(), e.at()));
                case Ended d -> List.of();
            };
            case Refresh r -> switch (state) {
                case NotStarted n -> throw new SessionRejected(new NoSuchSession());
                case Ended d -> throw new RefreshRefused(new SessionOver(d.reason()));
                case Open o when r.presentedGeneration() != o.generation() -> List.of(ended(o, EndReason.TOKEN_REUSE, r.at()));
                case Open o when r.at().isAfter(o.started().at().plus(REFRESH_LIFETIME)) ->
                        throw new RefreshRefused(new LifetimeOver(o.started().at().plus(REFRESH_LIFETIME)));
                case Open o -> List.of(new SessionRefreshed(session, o.generation() + 1, r.at()));
            };
        };
    }

    private SessionEnded ended(Open open, EndReason reason, Instant at) {
        return new SessionEnded(session, reason, nonNegative(Duration.between(open.started().at(), at)), at);
    }

    private static Duration nonNegative(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }

    @Override
    public SessionState evolve(SessionState state, SessionEvent event) {
        return switch (event) {
            case SessionStarted e -> new Open(e);
            case SessionRefreshed e -> state instanceof Open o ? new Open(o.started(), e.generation()) : state;
            case SessionEnded e -> switch (state) {
                case Open o -> new Ended(o.started(), e.reason());
                case NotStarted n -> n;
                case Ended d -> d;
            };
        };
    }
}
