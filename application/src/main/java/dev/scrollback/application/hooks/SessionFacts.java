package dev.scrollback.application.hooks;

import dev.scrollback.domain.shared.Channel;
import dev.scrollback.domain.shared.Handle;
import dev.scrollback.domain.shared.SessionId;
import java.util.Objects;

/** A logged-in caller's session. */
public record SessionFacts(SessionId session, Handle handle, Channel channel) {
    public SessionFacts {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(handle, "handle");
        Objects.requireNonNull(channel, "channel");
    }
}
