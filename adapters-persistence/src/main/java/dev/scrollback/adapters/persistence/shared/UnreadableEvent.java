package dev.scrollback.adapters.persistence.shared;

/**
 * A stored event that cannot be read: an unknown type, a schema version with no upcaster, a payload or envelope that
 * is not what this adapter writes. The log is the system of record, so this is never skipped: readers stop here with
 * the event's position, for an operator to look at.
 */
public final class UnreadableEvent extends RuntimeException {
    private final long position;

    UnreadableEvent(long position, String stream, String type, Throwable cause) {
        super("the stored event at position " + position + " (stream " + stream + ", type " + type + ") cannot be read: "
                + cause.getMessage(), cause);
        this.position = position;
    }

    public long position() {
        return position;
    }
}
