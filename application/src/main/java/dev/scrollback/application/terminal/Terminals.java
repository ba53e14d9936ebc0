package dev.scrollback.application.terminal;

/**
 * The terminal port (SPEC §2): runs the BBS session engine on a connection until the caller leaves or the connection
 * ends. {@code adapters-telnet} implements it; the telnet listener and the web terminal both call it.
 */
public interface Terminals {
    /** Blocks until the session is over; never throws for anything the caller sends. */
    void serve(TerminalConnection connection);
}
