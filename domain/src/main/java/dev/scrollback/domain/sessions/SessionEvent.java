package dev.scrollback.domain.sessions;

import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.Channel;
import dev.scrollback.domain.shared.DomainEvent;
import dev.scrollback.domain.shared.Handle;
import dev.scrollback.domain.shared.RemoteAddress;
import dev.scrollback.domain.shared.SessionId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** A logged-in caller's visit, on stream {@code session-<uuid>}. Who's online is a projection of these. */
public sealed interface SessionEvent extends DomainEvent {
    SessionId session();

    Instant at();

    /** {@code address} is personal data. {@code terminal} is absent for web sessions that have none. */
    record SessionStarted(SessionId session, AccountId account, Handle handle, Channel channel,
                          Optional<RemoteAddress> address, Optional<Terminal> terminal, Instant at) implements SessionEvent {}

    /**
     * The session's refresh token was rotated: only a token of {@code generation} refreshes it from now on (the login
     * issued generation 0). Presenting an older one ends the session ({@link EndReason#TOKEN_REUSE}).
     */
    record SessionRefreshed(SessionId session, long generation, Instant at) implements SessionEvent {}

    record SessionEnded(SessionId session, EndReason reason, Duration duration, Instant at) implements SessionEvent {}
}
