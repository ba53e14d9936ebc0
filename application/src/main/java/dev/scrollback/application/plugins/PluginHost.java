package dev.scrollback.application.plugins;

import dev.scrollback.application.hooks.PostOutcome;
import dev.scrollback.application.hooks.PublicUser;
import dev.scrollback.domain.shared.Handle;
import java.util.Optional;

/**
 * What one loaded plugin may ask of the BBS while its hooks run — the host functions beyond the engine's own
 * ({@code post_message}, {@code read_user}). The sandbox asks only for what the manifest grants; whatever the plugin
 * does through it is recorded with the plugin as actor. Never throws for a refusal.
 */
public interface PluginHost {

    /** Says {@code text} in the public chat room named {@code room}, as the plugin. */
    PostOutcome postMessage(String room, String text);

    /** Replies {@code text} in the board thread with id {@code thread}, as the plugin. */
    default PostOutcome replyInThread(java.util.UUID thread, String text) {
        return new PostOutcome.Refused("replying in threads is not available");
    }

    /** A user's public facts. */
    Optional<PublicUser> readUser(Handle handle);
}
