package dev.scrollback.application.sessions;

import dev.scrollback.application.shared.Actor;
import dev.scrollback.application.shared.Decision;
import dev.scrollback.application.shared.EventLog;
import dev.scrollback.application.shared.EventMetadata;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.application.shared.Retried;
import dev.scrollback.domain.sessions.EndReason;
import dev.scrollback.domain.sessions.SessionCommand;
import dev.scrollback.domain.sessions.SessionDecider;
import dev.scrollback.domain.sessions.SessionEvent;
import dev.scrollback.domain.sessions.SessionRejected;
import dev.scrollback.domain.shared.SessionId;
import dev.scrollback.application.hooks.PluginHooks;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;

@Named
final class EndSessionService implements EndSession {
    private final EventLog log;
    private final Clock clock;
    private final SessionActivity activity;
    private final PluginHooks hooks;

    EndSessionService(EventLog log, Clock clock, SessionActivity activity) {
        this(log, clock, activity, PluginHooks.none());
    }

    @Inject
    EndSessionService(EventLog log, Clock clock, SessionActivity activity, PluginHooks hooks) {
        this.log = log;
        this.clock = clock;
        this.activity = activity;
        this.hooks = hooks;
    }

    @Override
    public void end(SessionId session, EndReason reason, Origin origin) {
        var at = clock.instant();
        Retried.onConflict(3, () -> {                         // another ender got there first: look again
            try {
                var decision = Decision.make(log, SessionStreams.session(session), new SessionDecider(session),
                        SessionEvent.class, new SessionCommand.End(reason, at));
                if (!decision.isEmpty()) {
                    log.append(decision.toAppend(), EventMetadata.of(Actor.system(), origin, at));
                    SessionEndHook.ended(hooks, decision.before(), reason);
                }
                activity.forget(session);
            } catch (SessionRejected noSuchSession) {
                // never started: nothing to end
            }
        });
    }
}
