package dev.scrollback.application.live;

import dev.scrollback.application.sessions.SessionTerminations;
import dev.scrollback.application.shared.EventLog;
import dev.scrollback.domain.sessions.EndReason;
import dev.scrollback.domain.sessions.SessionEvent.SessionEnded;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Reactor: a session ended by someone else (a sysop's kick, its owner from another session, a password change) on
 * any instance is told to its connection if that connection is here — read from the log, so it works across instances.
 * On the instance that ended it the use case tells the connection in its own words; so this waits {@link #GRACE}
 * first, and then usually finds nobody waiting.
 */
@Named
public final class SessionEndingsHere {
    /** Time for the instance that ended the session to say so in its own words. */
    static final Duration GRACE = Duration.ofSeconds(2);

    private final LiveHub hub;
    private final SessionTerminations terminations;

    @Inject
    public SessionEndingsHere(LiveHub hub, SessionTerminations terminations) {
        this.hub = hub;
        this.terminations = terminations;
    }

    public EventLog.Subscription start() {
        var later = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("session-endings-later").factory());
        var following = hub.follow("session-endings", recorded -> recorded.event() instanceof SessionEnded ended
                && notice(ended.reason()).isPresent(), item -> {
            var ended = (SessionEnded) item.event().event();
            notice(ended.reason()).ifPresent(notice -> later.schedule(() -> terminations.ended(ended.session(), notice),
                    GRACE.toMillis(), TimeUnit.MILLISECONDS));
        });
        return () -> {
            following.close();
            later.shutdownNow();
        };
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
