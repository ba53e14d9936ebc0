package dev.scrollback.application.presence;

import dev.scrollback.application.accounts.Caller;
import dev.scrollback.domain.sessions.SessionEvent;
import dev.scrollback.domain.sessions.SessionEvent.SessionEnded;
import dev.scrollback.domain.sessions.SessionEvent.SessionStarted;
import jakarta.inject.Named;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Projection: the sessions that are open. Fed from the log in order by a streaming processor (rebuilt from position 0
 * at start, so sessions a crash left open show up here until {@link EndOrphanedSessions} closes them).
 */
@Named
public final class OnlineCallers {
    private final Map<dev.scrollback.domain.shared.SessionId, SessionStarted> open = new ConcurrentHashMap<>();

    public void apply(SessionEvent event) {
        switch (event) {
            case SessionStarted e -> open.put(e.session(), e);
            case SessionEnded e -> open.remove(e.session());
            case SessionEvent.SessionRefreshed e -> {}          // still open; rotation changes nothing shown here
        }
    }

    /** The open sessions as who's online lists them, without presence (see {@link WhoIsOnlineService}). */
    public List<Online> whoIsOnline(Caller viewer) {
        return openSessions().stream().map(e -> new Online(e.session(), e.handle(), e.channel(), e.at())).toList();
    }

    /** One open session, if it is open. */
    public Optional<SessionStarted> session(dev.scrollback.domain.shared.SessionId session) {
        return Optional.ofNullable(open.get(session));
    }

    /** Every open session, oldest first. */
    public List<SessionStarted> openSessions() {
        return open.values().stream().sorted(Comparator.comparing(SessionStarted::at)
                .thenComparing(e -> e.session().value())).toList();
    }
}
