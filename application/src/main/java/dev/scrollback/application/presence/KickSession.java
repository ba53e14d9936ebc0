package dev.scrollback.application.presence;

import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.domain.shared.Handle;
import dev.scrollback.domain.shared.SessionId;
import java.util.List;
import java.util.Optional;

/**
 * In-ports for sysops (the role is checked here): see a caller's open sessions, and end one with a message the caller
 * is shown (reason {@code kicked}, the sysop as actor). A session of another handle, or one not open, is
 * {@code NoSuchSession}; an unknown handle is {@code UnknownAccount}.
 */
public interface KickSession {
    List<MySession> sessionsOf(Caller sysop, Handle handle);

    void kick(Caller sysop, Handle handle, SessionId session, Optional<String> message, Origin origin);

    /** The longest message a sysop may attach: one line on a telnet screen. */
    int MAX_MESSAGE = 200;
}
