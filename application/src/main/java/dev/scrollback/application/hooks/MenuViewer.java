package dev.scrollback.application.hooks;

import dev.scrollback.domain.shared.Channel;
import dev.scrollback.domain.shared.Handle;
import java.util.Objects;
import java.util.Set;

/** The caller a main menu is drawn for; {@code roles} by their wire names, as plugins see them. */
public record MenuViewer(Handle handle, Set<String> roles, Channel channel) {
    public MenuViewer {
        Objects.requireNonNull(handle, "handle");
        roles = Set.copyOf(roles);
        Objects.requireNonNull(channel, "channel");
    }
}
