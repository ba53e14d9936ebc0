package dev.scrollback.adapters.telnet.shared;

/** The conversation with the caller is over, not by their choice of menu entry; {@link #why()} says how. */
public final class CallerGone extends RuntimeException {
    public enum Why {
        /** The caller took longer than the session allows (idle, or never logged in). */
        TIMED_OUT,
        /** The connection ended: hung up, dropped, or closed by the server. */
        HUNG_UP,
        /** The caller's side broke the protocol or its limits. */
        PROTOCOL_ERROR
    }

    private final Why why;

    public CallerGone(Why why, String detail) {
        super(detail, null, false, false);
        this.why = why;
    }

    public Why why() {
        return why;
    }
}
