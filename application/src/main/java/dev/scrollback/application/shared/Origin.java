package dev.scrollback.application.shared;

import dev.scrollback.domain.shared.Channel;
import dev.scrollback.domain.shared.RemoteAddress;
import dev.scrollback.domain.shared.SessionId;
import java.util.Optional;

/**
 * Where it came from (SPEC §3 {@code origin}): the channel, the caller's bare IP address, and the session (for telnet,
 * the connection's id from the first byte on, which becomes the session's id at login).
 */
public record Origin(Channel channel, Optional<RemoteAddress> address, Optional<SessionId> session) {
    public static Origin system() {
        return new Origin(Channel.SYSTEM, Optional.empty(), Optional.empty());
    }

    /** What a plugin does: no address, no session of its own (SPEC §3 {@code origin.channel} {@code plugin}). */
    public static Origin plugin() {
        return new Origin(Channel.PLUGIN, Optional.empty(), Optional.empty());
    }

    public static Origin cli() {
        return new Origin(Channel.CLI, Optional.empty(), Optional.empty());
    }

    public static Origin of(Channel channel, RemoteAddress address) {
        return new Origin(channel, Optional.of(address), Optional.empty());
    }

    public Origin inSession(SessionId id) {
        return new Origin(channel, address, Optional.of(id));
    }

    /** In the session when there is one: an API key acts outside any session. */
    public Origin inSession(Optional<SessionId> id) {
        return id.map(this::inSession).orElse(this);
    }
}
