package dev.scrollback.domain.sessions;

import dev.scrollback.domain.sessions.SessionEvent.SessionStarted;

public sealed interface SessionState {
    record NotStarted() implements SessionState {}

    /** {@code generation}: the refresh token that may rotate next (0 until the first refresh). */
    record Open(SessionStarted started, long generation) implements SessionState {
        public Open(SessionStarted started) {
            this(started, 0);
        }
    }

    record Ended(SessionStarted started, EndReason reason) implements SessionState {}
}
