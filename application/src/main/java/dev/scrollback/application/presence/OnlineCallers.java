package dev.scrollback.application.presence;

import dev.scrollback.application.shared.ProjectionSnapshot;
import dev.scrollback.application.shared.ProjectionState;
import dev.scrollback.application.shared.Rebuildable;
import dev.scrollback.application.shared.RecordedEvent;
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
    private final Rebuildable<State> state = new Rebuildable<>(State::new);

    /** The open sessions, swapped whole when rebuilt. */
    static final class State implements ProjectionState {
        private final Map<dev.scrollback.domain.shared.SessionId, SessionStarted> open = new ConcurrentHashMap<>();

        @Override
        public void apply(RecordedEvent recorded) {
            if (recorded.event() instanceof SessionEvent event) apply(event);
        }

        void apply(SessionEvent event) {
            switch (event) {
                case SessionStarted e -> open.put(e.session(), e);
                case SessionEnded e -> open.remove(e.session());
                case SessionEvent.SessionRefreshed e -> {}          // still open; rotation changes nothing shown here
            }
        }

        @Override
        public ProjectionSnapshot snapshot() {
            var snapshot = ProjectionSnapshot.builder();
            open.forEach((session, started) -> snapshot.put("open/" + session, started));
            return snapshot.build();
        }
    }

    public void apply(SessionEvent event) {
        state.live().apply(event);
    }

    /** The projection's state, for rebuilding it (the persistence adapter's processors feed {@code live()}). */
    public Rebuildable<?> rebuildable() {
        return state;
    }

    /** The open sessions as who's online lists them, without presence (see {@link WhoIsOnlineService}). */
    public List<Online> whoIsOnline(Caller viewer) {
        return openSessions().stream().map(e -> new Online(e.session(), e.handle(), e.channel(), e.at())).toList();
    }

    /** One open session, if it is open. */
    public Optional<SessionStarted> session(dev.scrollback.domain.shared.SessionId session) {
        return Optional.ofNullable(state.live().open.get(session));
    }

    /** Every open session, oldest first. */
    public List<SessionStarted> openSessions() {
        return state.live().open.values().stream().sorted(Comparator.comparing(SessionStarted::at)
                .thenComparing(e -> e.session().value())).toList();
    }
}
