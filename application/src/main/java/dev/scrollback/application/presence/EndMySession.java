package dev.scrollback.application.presence;

import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.domain.shared.SessionId;

/**
 * In-port: the caller ends one of their own sessions (reason {@code revoked}, the caller as actor). A live telnet
 * connection of that session is told and disconnected. Someone else's session, or one that is not open, is
 * {@code NoSuchSession}: nothing tells a caller that another account's session exists.
 */
public interface EndMySession {
    void end(Caller caller, SessionId session, Origin origin);
}
