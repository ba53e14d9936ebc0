package dev.scrollback.domain.sessions;

/** Why a session ended; on the wire as the lower-case name. */
public enum EndReason {
    /** The caller said goodbye (telnet) or logged out (web). */
    GOODBYE,
    /** The connection dropped. */
    DROPPED,
    /** The caller was idle (or never logged in) for too long. */
    IDLE,
    /** The caller sent bytes the protocol does not allow, or more than the limits allow. */
    PROTOCOL_ERROR,
    /** A sysop ended the session. */
    KICKED,
    /** The caller ended it from another of their sessions (or a password change ended it). */
    REVOKED,
    /** The server stopped while the session was open. */
    SHUTDOWN,
    /** The session was still open in the log when the server started: the previous run ended without closing it. */
    RESTART,
    /** The instance serving it died (seen by a surviving instance). */
    INSTANCE_LOST,
    /**
     * A refresh token of the session was presented after it had already been used: a copy may be in someone else's
     * hands, so the whole session, and with it every token issued for it, ends.
     */
    TOKEN_REUSE;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
