package dev.scrollback.adapters.persistence.shared;

import java.util.Objects;

/**
 * One row of the event table exactly as stored, every column (decision 0001 maps the SPEC §3 envelope onto them):
 * position, event id, stream id, stream version, category, type name, schema version, time, the JSON payload and the
 * metadata (actor, origin, correlation and causation) as stored bytes. Nothing is parsed: this is what the hash chain
 * covers (decision 0020). Nullable columns ({@code category}, {@code revision}, {@code metadata}) may be null.
 */
public record StoredRecord(long position, String eventId, String stream, long version, String category, String type,
                           String revision, String timestamp, byte[] payload, byte[] metadata) {
    public StoredRecord {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(payload, "payload");
    }
}
