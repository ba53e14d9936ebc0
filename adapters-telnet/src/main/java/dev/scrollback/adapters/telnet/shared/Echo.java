package dev.scrollback.adapters.telnet.shared;

/** How typed characters are shown back while a line is read: we negotiated WILL ECHO, so the server echoes. */
public enum Echo {
    VISIBLE,
    /** One {@code *} per character: for passwords and codes. */
    MASKED
}
