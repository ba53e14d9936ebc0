package dev.scrollback.application.presence;

import dev.scrollback.application.shared.Presence;
import dev.scrollback.domain.shared.SessionId;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * Out-port: presence across instances (issue 5 item 4). Each instance publishes its own sessions' presence every few
 * seconds and reads the others'; an instance that stops publishing is lost once its time-to-live runs out, and its
 * sessions must be ended by a survivor. On a single instance (no Redis) there are no others and nothing is ever lost.
 */
public interface SharedPresence {
    /** This instance's sessions now (replaces what it published before; also serves as its heartbeat). */
    void publish(Collection<Presence> local);

    /** The presence of sessions served by other live instances. */
    Map<SessionId, Presence> others();

    /**
     * Of {@code open} (sessions the log says are open), those served by an instance that is no longer alive, or by no
     * known instance at all for longer than the time-to-live. Never a session of this instance.
     */
    Set<SessionId> lost(Collection<SessionId> open);
}
