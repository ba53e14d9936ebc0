package dev.scrollback.application.sessions;

import dev.scrollback.domain.shared.SessionId;
import jakarta.inject.Named;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Tells a live connection that its session was ended from elsewhere (by its owner from another session, later by a
 * sysop or a password change), so a telnet caller is told why and disconnected at once rather than at their next
 * keystroke. In memory on this instance: connections on other instances learn it with the presence issue's fan-out.
 */
@Named
public final class SessionTerminations {
    private final Map<SessionId, Consumer<String>> watchers = new ConcurrentHashMap<>();

    /** A connection's interest in its own session; close it when the connection ends. */
    public interface Watch extends AutoCloseable {
        @Override
        void close();
    }

    public Watch watch(SessionId session, Consumer<String> onEnded) {
        watchers.put(session, onEnded);
        return () -> watchers.remove(session, onEnded);
    }

    /** The session has ended in the log; its connection, if it is here, hears {@code notice} and closes. */
    public void ended(SessionId session, String notice) {
        var watcher = watchers.remove(session);
        if (watcher != null) watcher.accept(notice);
    }
}
