package dev.scrollback.adapters.web.plugins;

import dev.scrollback.adapters.web.Routes;
import dev.scrollback.adapters.web.accounts.ApiKeyProblems;
import dev.scrollback.adapters.web.accounts.Authentication;
import dev.scrollback.adapters.web.shared.Api;
import dev.scrollback.adapters.web.shared.JsonBody;
import dev.scrollback.adapters.web.shared.Problem;
import dev.scrollback.application.hooks.CommandAnswer;
import dev.scrollback.application.plugins.RunPluginCommands;
import dev.scrollback.domain.shared.Channel;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;

/**
 * What plugins offer a logged-in caller on the web, the same use case the telnet menu calls: the main menu's extra
 * items ({@code render_menu_item}) and running a plugin's command ({@code handle_command}).
 */
public final class PluginCommandRoutes implements Routes {
    static final String MENU = "/api/v1/menu/plugins";
    static final String COMMANDS = "/api/v1/commands";
    static final String COMMAND = COMMANDS + "/{name}";

    private final RunPluginCommands commands;
    private final Authentication authentication;

    public PluginCommandRoutes(RunPluginCommands commands, Authentication authentication) {
        this.commands = commands;
        this.authentication = authentication;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get(MENU, this::menu);
        routes.get(COMMANDS, ctx -> ctx.json(new Commands(commands.commands(authentication.caller(ctx)))));
        routes.post(COMMAND, this::run);
        ApiKeyProblems.addTo(routes);                   // an API key: 403, plugins answer people
    }

    @Override
    public void describe(Api api) {
        api.get(MENU).summary("The items plugins add to your main menu; choosing one runs its command").authenticated()
                .answers(200, Menu.class).problems(403);
        api.get(COMMANDS).summary("The plugin commands running now").authenticated().answers(200, Commands.class).problems(403);
        api.post(COMMAND).summary("Run a plugin's command with what you typed after its name").authenticated()
                .body(CommandForm.class).answers(200, Answer.class).problems(400, 403, 422, 429, 503);
    }

    private void menu(Context ctx) {
        var items = commands.menu(authentication.caller(ctx), Channel.WEB);
        ctx.json(new Menu(items.stream().map(item -> new Item(item.plugin(), item.label())).toList()));
    }

    private void run(Context ctx) {
        var caller = authentication.caller(ctx);
        var form = JsonBody.read(ctx, CommandForm.class);
        var input = form.input() == null ? "" : form.input();
        switch (commands.run(caller, ctx.pathParam("name"), input)) {
            case CommandAnswer.Answered answered -> ctx.json(new Answer(answered.text()));
            case CommandAnswer.Failed failed -> Problem.of("command-failed", "The command failed", 422, failed.message())
                    .writeTo(ctx);
            case CommandAnswer.Unavailable unavailable -> Problem.of("command-unavailable", "The command is unavailable", 503,
                    unavailable.why()).writeTo(ctx);
        }
    }

    /** {@code input}: what the caller typed after the command's name (may be empty). */
    record CommandForm(String input) {}

    record Answer(String output) {}

    record Commands(List<String> commands) {}

    record Item(String command, String label) {}

    record Menu(List<Item> items) {}
}
