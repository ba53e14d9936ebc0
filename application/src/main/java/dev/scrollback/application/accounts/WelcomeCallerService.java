package dev.scrollback.application.accounts;

import dev.scrollback.application.hooks.LoginFacts;
import dev.scrollback.application.hooks.PluginHooks;
import dev.scrollback.application.hooks.SessionFacts;
import dev.scrollback.application.shared.Decision.Loaded;
import dev.scrollback.application.shared.EventLog;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.domain.accounts.AccountDecider;
import dev.scrollback.domain.accounts.AccountEvent;
import dev.scrollback.domain.accounts.AccountState;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

@Named
final class WelcomeCallerService implements WelcomeCaller {
    private final EventLog log;
    private final PluginHooks hooks;

    @Inject
    WelcomeCallerService(EventLog log, PluginHooks hooks) {
        this.log = log;
        this.hooks = hooks;
    }

    @Override
    public List<String> welcome(Caller caller, Origin origin) {
        var session = caller.sessionIfAny();
        if (session.isEmpty()) return List.of();                          // an API key logs in nowhere
        hooks.sessionStarted(new SessionFacts(session.get(), caller.handle(), origin.channel()));
        var state = Loaded.load(log, AccountStreams.account(caller.account()), new AccountDecider(), AccountEvent.class).state();
        boolean first = state instanceof AccountState.Registered registered && registered.logins().previous().isEmpty();
        return hooks.userLoggedIn(new LoginFacts(caller.account(), caller.handle(), origin.channel(), first));
    }
}
