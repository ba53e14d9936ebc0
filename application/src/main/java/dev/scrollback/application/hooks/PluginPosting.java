package dev.scrollback.application.hooks;

/**
 * Served by the capability where messages are said, asked by the plugin runtime: a plugin says something as itself
 * ({@code post_message}). Served without calling any hook: a plugin's line passes no filter and notifies no plugin, so
 * a plugin never re-enters the plugins through it, and two auto-responders cannot answer each other forever.
 */
public interface PluginPosting {

    /** Says {@code post}'s text in the room it names, with the plugin as actor; never throws for a refusal. */
    PostOutcome post(PluginPost post);

    /** No room takes plugin lines. */
    static PluginPosting none() {
        return post -> new PostOutcome.Refused("posting is not available");
    }
}
