/**
 * Where the BBS lets plugins in: the calls that boards, chat, the login and the menus make at each hook, in terms
 * those capabilities already speak, so that none of them depends on the plugin machinery (the {@code plugins}
 * capability implements {@link dev.scrollback.application.hooks.PluginHooks}). With no plugin enabled every call is
 * cheap and answers as if there were no hook.
 *
 * <p>The other way round, what plugins may ask of the BBS while they run ({@code post_message}, {@code read_user}) is
 * asked through {@link dev.scrollback.application.hooks.PluginPosting} and
 * {@link dev.scrollback.application.hooks.PublicUsers}, served by chat and accounts: again without either knowing plugins.
 */
package dev.scrollback.application.hooks;
