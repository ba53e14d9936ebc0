package dev.scrollback.application.accounts;

import dev.scrollback.application.hooks.PluginHooks;
import dev.scrollback.application.sessions.SessionActivity;
import dev.scrollback.application.sessions.SessionEndHook;
import dev.scrollback.application.sessions.SessionStreams;
import dev.scrollback.application.shared.Decision;
import dev.scrollback.application.shared.EventLog;
import dev.scrollback.application.shared.EventMetadata;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.application.shared.Retried;
import dev.scrollback.domain.accounts.AccountCommand;
import dev.scrollback.domain.accounts.AccountDecider;
import dev.scrollback.domain.accounts.AccountEvent;
import dev.scrollback.domain.sessions.EndReason;
import dev.scrollback.domain.sessions.SessionCommand;
import dev.scrollback.domain.sessions.SessionDecider;
import dev.scrollback.domain.sessions.SessionEvent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.util.List;

@Named
final class LogOutService implements LogOut {
    private final EventLog log;
    private final Clock clock;
    private final SessionActivity activity;

    private final PluginHooks hooks;

    LogOutService(EventLog log, Clock clock, SessionActivity activity) {
        this(log, clock, activity, PluginHooks.none());
    }

    @Inject
    LogOutService(EventLog log, Clock clock, SessionActivity activity, PluginHooks hooks) {
        this.hooks = hooks;
        this.log = log;
        this.clock = clock;
        this.activity = activity;
    }

    @Override
    public void logOut(Caller caller, Origin origin) {
        var at = clock.instant();
        Retried.onConflict(5, () -> {
            var ended = Decision.make(log, SessionStreams.session(caller.session()), new SessionDecider(caller.session()),
                    SessionEvent.class, new SessionCommand.End(EndReason.GOODBYE, at));
            if (ended.isEmpty()) return;                                  // already over: nothing to record
            var loggedOut = Decision.make(log, AccountStreams.account(caller.account()), new AccountDecider(),
                    AccountEvent.class, new AccountCommand.LogOut(caller.session(), at));
            log.append(List.of(loggedOut.toAppend(), ended.toAppend()),
                    EventMetadata.of(caller.actor(), origin.inSession(caller.session()), at));
            SessionEndHook.ended(hooks, ended.before(), EndReason.GOODBYE);
            activity.forget(caller.session());
        });
    }
}
