/**
 * Where the BBS lets plugins in: the calls that boards, chat, the login and the menus make at each hook, in terms
 * those capabilities already speak, so that none of them depends on the plugin machinery (the {@code plugins}
 * capability implements {@link dev.scrollback.application.hooks.PluginHooks}). With no plugin enabled every call is
 * cheap and answers as if there were no hook.
 */
package dev.scrollback.application.hooks;
