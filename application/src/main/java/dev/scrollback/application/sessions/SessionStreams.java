package dev.scrollback.application.sessions;

import dev.scrollback.application.shared.StreamId;
import dev.scrollback.domain.shared.SessionId;

public final class SessionStreams {
    private SessionStreams() {}

    public static StreamId session(SessionId id) {
        return StreamId.of("session", id);
    }
}
