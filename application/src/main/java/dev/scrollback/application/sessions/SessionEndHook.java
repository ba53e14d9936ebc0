package dev.scrollback.application.sessions;

import dev.scrollback.application.hooks.PluginHooks;
import dev.scrollback.application.hooks.SessionFacts;
import dev.scrollback.domain.sessions.EndReason;
import dev.scrollback.domain.sessions.SessionState;

/**
 * Tells the plugins' {@code on_session_end} that a session ended, with who it was and through which channel — from
 * the session's state as the ending use case folded it (its start is in it), so nothing is read again. One place for
 * every use case that ends sessions.
 */
public final class SessionEndHook {
    private SessionEndHook() {}

    /** {@code before}: the session as it was when the end was decided; only an open session ends. */
    public static void ended(PluginHooks hooks, SessionState before, EndReason reason) {
        if (before instanceof SessionState.Open open) {
            var start = open.started();
            hooks.sessionEnded(new SessionFacts(start.session(), start.handle(), start.channel()), reason.wireName());
        }
    }
}
