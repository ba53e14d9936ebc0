package dev.scrollback.application.presence;

import dev.scrollback.application.shared.Activity;
import dev.scrollback.domain.shared.Channel;
import dev.scrollback.domain.shared.Handle;
import dev.scrollback.domain.shared.SessionId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One open session as who's online shows it: who, how connected, since when, and — where its instance has told us —
 * what the caller is doing and how long since they last did anything.
 */
public record Online(SessionId session, Handle handle, Channel channel, Instant since, Optional<Activity> doing,
                     Optional<Duration> idle) {
    /** Without presence (not known on this instance). */
    public Online(SessionId session, Handle handle, Channel channel, Instant since) {
        this(session, handle, channel, since, Optional.empty(), Optional.empty());
    }
}
