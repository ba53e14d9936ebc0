package dev.scrollback.application.plugins;

import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.accounts.CredentialDenied;
import dev.scrollback.application.hooks.CommandAnswer;
import dev.scrollback.application.hooks.CommandRequest;
import dev.scrollback.application.hooks.MenuItem;
import dev.scrollback.application.hooks.MenuViewer;
import dev.scrollback.application.hooks.PluginHooks;
import dev.scrollback.application.shared.RateLimiter;
import dev.scrollback.application.shared.RateLimiter.Limit;
import dev.scrollback.domain.accounts.Role;
import dev.scrollback.domain.shared.Channel;
import dev.scrollback.domain.shared.InvalidValue;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

@Named
final class RunPluginCommandsService implements RunPluginCommands {
    /** Each command may hold a worker for up to its deadline (500 ms by default): a caller gets a few a second at most. */
    static final Limit COMMANDS_PER_ACCOUNT = new Limit("plugin-commands-per-account", 30, Duration.ofMinutes(1));

    private final PluginHooks hooks;
    private final RateLimiter limiter;

    @Inject
    RunPluginCommandsService(PluginHooks hooks, RateLimiter limiter) {
        this.hooks = hooks;
        this.limiter = limiter;
    }

    @Override
    public List<MenuItem> menu(Caller caller, Channel channel) {
        interactive(caller);
        var roles = caller.roles().stream().map(Role::wireName).collect(Collectors.toSet());
        return hooks.menuItems(new MenuViewer(caller.handle(), roles, channel));
    }

    @Override
    public List<String> commands(Caller caller) {
        interactive(caller);
        return hooks.commands();
    }

    @Override
    public CommandAnswer run(Caller caller, String command, String input) {
        interactive(caller);
        if (input.length() > CommandRequest.MAX_INPUT) {
            throw new InvalidValue("input", "must be at most " + CommandRequest.MAX_INPUT + " characters");
        }
        limiter.acquire(COMMANDS_PER_ACCOUNT, caller.account().toString()).orThrow();
        return hooks.runCommand(new CommandRequest(command, caller.handle(), input));
    }

    private static void interactive(Caller caller) {
        if (caller.apiKey().isPresent()) throw CredentialDenied.needsInteractiveLogin();
    }
}
