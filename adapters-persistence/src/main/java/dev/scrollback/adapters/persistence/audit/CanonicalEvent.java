package dev.scrollback.adapters.persistence.audit;

import dev.scrollback.adapters.persistence.shared.StoredRecord;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The canonical bytes of one stored event, what the hash chain covers (decision 0020). Every column of the row, in
 * this fixed order, each one length-prefixed so that no two different rows encode alike:
 * <ol>
 *   <li>the format tag {@code scrollback-event/1}</li>
 *   <li>position (8 bytes, big-endian)</li>
 *   <li>event id, stream id</li>
 *   <li>stream version (8 bytes, big-endian)</li>
 *   <li>category, type name, schema version, time (as stored: ISO-8601 text)</li>
 *   <li>metadata (actor, origin, correlation and causation: the JSON bytes as stored)</li>
 *   <li>payload (the JSON bytes as stored: ciphertext, once personal fields are encrypted)</li>
 * </ol>
 * A text is its UTF-8 bytes. Every variable field (texts and bytes) is a 4-byte big-endian length then its bytes; a
 * missing (SQL NULL) field is the length -1 and no bytes, so it differs from an empty one. Nothing is parsed or
 * normalised: one changed byte in any column changes the encoding.
 */
public final class CanonicalEvent {
    static final String FORMAT = "scrollback-event/1";
    private static final int NULL = -1;

    private CanonicalEvent() {}

    public static byte[] encode(StoredRecord record) {
        // the fixed part (tag, ids, stream, time, lengths) is ~250 bytes: room for it up front, so the buffer never grows
        var out = new ByteArrayOutputStream(512 + record.payload().length
                + (record.metadata() == null ? 0 : record.metadata().length));
        text(out, FORMAT);
        whole(out, record.position());
        text(out, record.eventId());
        text(out, record.stream());
        whole(out, record.version());
        text(out, record.category());
        text(out, record.type());
        text(out, record.revision());
        text(out, record.timestamp());
        bytes(out, record.metadata());
        bytes(out, record.payload());
        return out.toByteArray();
    }

    private static void text(ByteArrayOutputStream out, String value) {
        bytes(out, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    private static void bytes(ByteArrayOutputStream out, byte[] value) {
        if (value == null) {
            int32(out, NULL);
            return;
        }
        int32(out, value.length);
        out.write(value, 0, value.length);
    }

    private static void whole(ByteArrayOutputStream out, long value) {
        for (int shift = 56; shift >= 0; shift -= 8) out.write((int) (value >>> shift));
    }

    private static void int32(ByteArrayOutputStream out, int value) {
        for (int shift = 24; shift >= 0; shift -= 8) out.write(value >>> shift);
    }
}
