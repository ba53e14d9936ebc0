package dev.scrollback.application.feed;

/**
 * A JSON document exactly as stored, handed on to integrators without being parsed and serialized again (SPEC §3).
 * Only the persistence adapter creates these, from what it wrote.
 */
public record JsonText(String value) {
    public JsonText {
        if (value == null || value.isEmpty()) throw new IllegalArgumentException("empty JSON");
    }

    @Override
    public String toString() {
        return value;
    }
}
