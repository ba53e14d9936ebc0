package dev.scrollback.application.presence;

import dev.scrollback.domain.sessions.SessionEvent.SessionEnded;
import dev.scrollback.domain.sessions.SessionEvent.SessionStarted;
import dev.scrollback.domain.sessions.EndReason;
import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.Channel;
import dev.scrollback.domain.shared.Handle;
import dev.scrollback.domain.shared.SessionId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Session events made up for presence tests. */
final class PresenceFixture {
    static final Instant T0 = Instant.parse("2025-03-01T20:00:00Z");

    private PresenceFixture() {}

    static SessionStarted started(String handle, Channel channel, Instant at) {
        return new SessionStarted(new SessionId(UUID.randomUUID()), new AccountId(UUID.randomUUID()), new Handle(handle), channel,
                Optional.empty(), Optional.empty(), at);
    }

    static SessionEnded ended(SessionStarted started, Instant at) {
        return new SessionEnded(started.session(), EndReason.GOODBYE, Duration.between(started.at(), at), at);
    }
}
