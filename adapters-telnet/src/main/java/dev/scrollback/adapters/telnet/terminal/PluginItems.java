package dev.scrollback.adapters.telnet.terminal;

import dev.scrollback.adapters.telnet.shared.CallerConsole;
import dev.scrollback.adapters.telnet.shared.Echo;
import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.accounts.WelcomeCaller;
import dev.scrollback.application.hooks.CommandAnswer;
import dev.scrollback.application.hooks.MenuItem;
import dev.scrollback.application.plugins.RunPluginCommands;
import dev.scrollback.application.shared.Activity;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.application.shared.RateLimited;
import dev.scrollback.domain.shared.Channel;
import java.util.List;

/**
 * What plugins add to a telnet visit: the greetings shown once after login ({@code on_user_login}), and the main menu's
 * plugin entries ({@code render_menu_item}), numbered {@code [1]}–{@code [9]}, and the dialogue a
 * chosen entry opens: the caller types input for the plugin's command ({@code handle_command}) and reads its answer,
 * until an empty line. The same use case as the web's {@code /api/v1/commands}.
 */
final class PluginItems {
    private final WelcomeCaller welcome;
    private final RunPluginCommands commands;

    PluginItems(WelcomeCaller welcome, RunPluginCommands commands) {
        this.welcome = welcome;
        this.commands = commands;
    }

    /** The plugins' greetings for a caller who has just logged in (and their session-start hook). */
    void greet(CallerConsole console, Caller caller, Origin origin) {
        welcome.welcome(caller, origin.inSession(caller.session())).forEach(console::println);
    }

    /** The entries for this caller now; a plugin that fails to draw its item is simply not listed. */
    List<MenuItem> drawn(Caller caller) {
        return commands.menu(caller, Channel.TELNET);
    }

    void run(CallerConsole console, Caller caller, MenuItem item) {
        console.doing(new Activity("using " + item.plugin()));
        console.println();
        console.println(console.theme().title(item.label()));
        console.println("Type what to send to " + item.plugin() + "; an empty line goes back to the menu.");
        while (true) {
            var input = console.prompt(item.plugin(), Echo.VISIBLE).strip();
            if (input.isEmpty()) return;
            try {
                switch (commands.run(caller, item.plugin(), input)) {
                    case CommandAnswer.Answered answered -> answered.text().lines().forEach(console::println);
                    case CommandAnswer.Failed failed -> console.println(item.plugin() + " says: " + failed.message());
                    case CommandAnswer.Unavailable unavailable -> {
                        console.println("Sorry: " + unavailable.why() + ".");
                        return;
                    }
                }
            } catch (RateLimited limited) {
                console.println("Slow down: try again in " + limited.retryAfterSeconds() + " seconds.");
            }
        }
    }
}
