package dev.scrollback.application.plugins;

import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.hooks.CommandAnswer;
import dev.scrollback.application.hooks.MenuItem;
import dev.scrollback.domain.shared.Channel;
import java.util.List;

/**
 * In-port: what plugins offer a logged-in caller, on telnet and the web alike — the items they add to the main menu
 * ({@code render_menu_item}) and their commands ({@code handle_command}). An API key is refused
 * ({@code CredentialDenied}): plugins answer people. Commands are limited per account ({@code RateLimited}), and
 * their input to {@link dev.scrollback.application.hooks.CommandRequest#MAX_INPUT} characters ({@code InvalidValue}).
 */
public interface RunPluginCommands {

    List<MenuItem> menu(Caller caller, Channel channel);

    /** The names of the commands running now. */
    List<String> commands(Caller caller);

    CommandAnswer run(Caller caller, String command, String input);
}
