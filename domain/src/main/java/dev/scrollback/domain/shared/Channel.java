package dev.scrollback.domain.shared;

/** Where an action came from (SPEC §3 {@code origin.channel}). Browser pages and the REST API are both {@code WEB}. */
public enum Channel {
    TELNET, WEB, CLI, PLUGIN, SYSTEM;

    /** The lower-case name used on the wire. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
