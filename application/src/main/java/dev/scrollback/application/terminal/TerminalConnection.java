package dev.scrollback.application.terminal;

import dev.scrollback.application.shared.Origin;
import dev.scrollback.domain.sessions.Terminal;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A caller's terminal as a pair of byte streams (already free of any transport framing such as telnet commands),
 * with what is known about the terminal. {@link #terminal()} may change while the session runs (a window resize).
 */
public interface TerminalConnection {
    InputStream input();

    OutputStream output();

    /** The terminal as currently known: type and size. */
    Terminal terminal();

    /**
     * Calls {@code listener} each time {@link #terminal()} changes (on the connection's own thread), so that a screen
     * that is showing can lay itself out again at once. One listener; a later call replaces it. It must not block.
     */
    void onTerminalChange(Runnable listener);

    /** Channel, remote address, and the connection's id (which becomes the session id at login). */
    Origin origin();

    /** Drops the connection; the input then ends. */
    void close();
}
