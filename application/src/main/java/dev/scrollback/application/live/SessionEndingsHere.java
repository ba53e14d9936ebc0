package dev.scrollback.application.live;

import dev.scrollback.application.sessions.SessionTerminations;
import dev.scrollback.application.shared.EventLog;
import dev.scrollback.domain.sessions.EndReason;
import dev.scrollback.domain.sessions.SessionEvent.SessionEnded;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Optional;

/**
 * Reactor: a session ended by someone else (a sysop's kick, its owner from another session, a password change) on
 * any instance is told to its connection if that connection is here — read from the log, so it works across instances.
 * On the instance that ended it the connection has usually been told already (with the use case's own words) and this
 * finds nobody waiting.
 */
@Named
public final class SessionEndingsHere {
    private final LiveHub hub;
    private final SessionTerminations terminations;

    @Inject
    public SessionEndingsHere(LiveHub hub, SessionTerminations terminations) {
        this.hub = hub;
        this.terminations = terminations;
    }

    public EventLog.Subscription start() {
        return hub.follow("session-endings", recorded -> recorded.event() instanceof SessionEnded ended
                && notice(ended.reason()).isPresent(), item -> {
            var ended = (SessionEnded) item.event().event();
            notice(ended.reason()).ifPresent(notice -> terminations.ended(ended.session(), notice));
        });
    }

    /** What a caller is told when their session was ended from elsewhere; empty for endings their own connection saw. */
    static Optional<String> notice(EndReason reason) {
        return switch (reason) {
            case KICKED -> Optional.of("A sysop ended your session - goodbye.");
            case REVOKED -> Optional.of("Your session was ended from another session (or your password changed) - goodbye.");
            case TOKEN_REUSE -> Optional.of("Your session was ended for safety (an old login token came back) - goodbye.");
            default -> Optional.empty();
        };
    }
}
