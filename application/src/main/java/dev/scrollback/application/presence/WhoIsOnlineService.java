package dev.scrollback.application.presence;

import dev.scrollback.application.shared.Presence;
import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.sessions.SessionActivity;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Who is online (the in-port): the open sessions from the log, each with what its caller is doing and how long they
 * have been idle — from this instance's own activity, or from what other instances publish ({@link SharedPresence}).
 */
@Named
public final class WhoIsOnlineService implements WhoIsOnline {
    private final OnlineCallers online;
    private final SessionActivity activity;
    private final Optional<SharedPresence> shared;
    private final Clock clock;

    /** Without {@code shared} this instance is alone: it knows every session's presence itself. */
    @Inject
    public WhoIsOnlineService(OnlineCallers online, SessionActivity activity, Optional<SharedPresence> shared, Clock clock) {
        this.online = online;
        this.activity = activity;
        this.shared = shared;
        this.clock = clock;
    }

    @Override
    public List<Online> whoIsOnline(Caller viewer) {
        var now = clock.instant();
        var others = shared.map(SharedPresence::others).orElse(java.util.Map.of());
        return online.openSessions().stream().map(started -> {
            Optional<Presence> presence = activity.presence(started.session())
                    .or(() -> Optional.ofNullable(others.get(started.session())));
            return new Online(started.session(), started.handle(), started.channel(), started.at(),
                    presence.map(Presence::activity),
                    presence.map(p -> now.isAfter(p.lastSeen()) ? Duration.between(p.lastSeen(), now) : Duration.ZERO));
        }).toList();
    }
}
