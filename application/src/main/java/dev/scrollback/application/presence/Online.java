package dev.scrollback.application.presence;

import dev.scrollback.domain.shared.Channel;
import dev.scrollback.domain.shared.Handle;
import dev.scrollback.domain.shared.SessionId;
import java.time.Instant;

/** One open session in who's online. */
public record Online(SessionId session, Handle handle, Channel channel, Instant since) {}
