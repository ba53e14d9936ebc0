package dev.scrollback.application.hooks;

import java.util.List;

/**
 * The hooks of SPEC §1 ("extend the BBS with hooks, menu items, commands"), called by the capabilities where they
 * happen. Calls that a caller waits for (filters, the login greeting, menus, commands) run at once, each plugin within
 * its hook's deadline; notifications ({@link #messagePosted}, {@link #sessionStarted}, {@link #sessionEnded}) are handed
 * over and run behind, so a slow plugin never slows the caller. Nothing here throws because of a plugin: a plugin that
 * fails or faults is left out of the answer (and its fault recorded).
 */
public interface PluginHooks {

    /**
     * {@code filter_message_content}: every enabled filter, in plugin-name order, sees the text the previous one left.
     * The first to reject decides; rewrites accumulate. What a filter did is recorded with the plugin as actor.
     */
    ContentVerdict filterMessage(MessageDraft draft);

    /** {@code on_message_post}: after a message was posted (board or chat); runs behind. */
    void messagePosted(PostedMessage message);

    /** {@code on_user_login}: the lines the plugins have for the caller who just logged in, in plugin-name order. */
    List<String> userLoggedIn(LoginFacts login);

    /** {@code on_session_start}; runs behind. */
    void sessionStarted(SessionFacts session);

    /** {@code on_session_end}; runs behind. */
    void sessionEnded(SessionFacts session, String reason);

    /** {@code render_menu_item}: the items plugins add to this caller's main menu (telnet and web), in plugin-name order. */
    List<MenuItem> menuItems(MenuViewer viewer);

    /** The plugins that answer {@code handle_command}, by name. */
    List<String> commands();

    /** {@code handle_command}: runs one plugin's command for a caller. */
    CommandAnswer runCommand(CommandRequest request);

    /** No plugins: filters accept, notifications go nowhere, no greetings, items or commands. */
    static PluginHooks none() {
        return NoPlugins.INSTANCE;
    }
}
