package dev.scrollback.application.presence;

import dev.scrollback.application.shared.Presence;
import dev.scrollback.application.sessions.SessionActivity;
import dev.scrollback.domain.sessions.SessionEvent.SessionStarted;
import dev.scrollback.domain.shared.SessionId;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The open sessions this instance serves, which it ends (reason {@code shutdown}) when it stops. Alone, that is every
 * open session. Among other instances, it is those of this instance's activity that no other live instance serves: a
 * telnet caller here, a web session only ever used here; a web session another instance serves too lives on there.
 */
public final class SessionsServedHere {
    private final OnlineCallers online;
    private final Optional<SessionActivity> activity;
    private final Optional<SharedPresence> shared;

    /** The only instance on its store. */
    public SessionsServedHere(OnlineCallers online) {
        this.online = online;
        this.activity = Optional.empty();
        this.shared = Optional.empty();
    }

    /** One of several instances sharing the store. */
    public SessionsServedHere(OnlineCallers online, SessionActivity activity, SharedPresence shared) {
        this.online = online;
        this.activity = Optional.of(activity);
        this.shared = Optional.of(shared);
    }

    /** Oldest first. */
    public List<SessionId> now() {
        var open = online.openSessions().stream().map(SessionStarted::session);
        if (shared.isEmpty()) return open.toList();
        var here = activity.orElseThrow().local().stream().map(Presence::session).collect(Collectors.toSet());
        var elsewhere = shared.get().others().keySet();
        return open.filter(here::contains).filter(s -> !elsewhere.contains(s)).toList();
    }
}
