package dev.scrollback.application.sessions;

import dev.scrollback.application.shared.Origin;
import dev.scrollback.domain.sessions.EndReason;
import dev.scrollback.domain.shared.SessionId;

/**
 * In-port: the system ends a session (dropped connection, idle, protocol error, shutdown, restart). Actor
 * {@code system}. Ending an ended session does nothing, so racing enders are harmless.
 */
public interface EndSession {
    void end(SessionId session, EndReason reason, Origin origin);
}
