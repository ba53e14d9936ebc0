package dev.scrollback.application.presence;

import dev.scrollback.domain.shared.Channel;
import dev.scrollback.domain.shared.RemoteAddress;
import dev.scrollback.domain.shared.SessionId;
import java.time.Instant;
import java.util.Optional;

/** One of a caller's own open sessions; {@code current} is the one asking. */
public record MySession(SessionId session, Channel channel, Optional<RemoteAddress> address, Instant since, boolean current) {}
