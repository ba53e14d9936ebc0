package dev.scrollback.adapters.telnet.accounts;

import dev.scrollback.application.shared.Origin;
import dev.scrollback.domain.sessions.Terminal;
import java.util.function.Supplier;

/**
 * What the account screens need to know about the connection they run on: where it comes from (passed on every use
 * case call) and the terminal as currently known (it may change while the caller types).
 */
public record Visit(Origin origin, Supplier<Terminal> terminal) {}
