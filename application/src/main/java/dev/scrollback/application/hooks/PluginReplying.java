package dev.scrollback.application.hooks;

/**
 * Served by the capability where threads are, asked by the plugin runtime: a plugin replies in a board thread as itself
 * ({@code post_message} with a thread). Like {@link PluginPosting}, served without calling any hook: the reply passes
 * no filter and notifies no plugin, so a plugin never re-enters the plugins through it.
 */
public interface PluginReplying {

    /** Replies {@code reply}'s text in the thread it names, with the plugin as actor; never throws for a refusal. */
    PostOutcome reply(PluginReply reply);

    /** No thread takes plugin replies. */
    static PluginReplying none() {
        return reply -> new PostOutcome.Refused("replying in threads is not available");
    }
}
