package dev.scrollback.adapters.persistence.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.adapters.persistence.shared.StoredRecord;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import org.junit.jupiter.api.Test;

class CanonicalEventTest {
    static final StoredRecord RECORD = new StoredRecord(7, "0195a1b2-0000-7000-8000-000000000001", "account-1", 2, "account",
            "EmailVerified", "1", "2025-03-01T20:00:00Z", bytes("{\"a\":1}"), bytes("{\"actor\":{}}"));

    @Test
    void the_encoding_is_every_column_length_prefixed_in_a_fixed_order() throws IOException {
        var expected = new ByteArrayOutputStream();
        var out = new DataOutputStream(expected);
        text(out, "scrollback-event/1");
        out.writeLong(7);
        text(out, "0195a1b2-0000-7000-8000-000000000001");
        text(out, "account-1");
        out.writeLong(2);
        text(out, "account");
        text(out, "EmailVerified");
        text(out, "1");
        text(out, "2025-03-01T20:00:00Z");
        text(out, "{\"actor\":{}}");
        text(out, "{\"a\":1}");

        assertThat(CanonicalEvent.encode(RECORD)).isEqualTo(expected.toByteArray());
    }

    @Test
    void a_missing_column_differs_from_an_empty_one() {
        var missing = new StoredRecord(7, "e", "s-1", 0, null, "T", null, "t", new byte[0], null);
        var empty = new StoredRecord(7, "e", "s-1", 0, "", "T", "", "t", new byte[0], new byte[0]);

        assertThat(CanonicalEvent.encode(missing)).isNotEqualTo(CanonicalEvent.encode(empty));
    }

    @Test
    void moving_a_byte_from_one_field_to_the_next_changes_the_encoding() {
        var a = new StoredRecord(1, "ab", "c-1", 0, "x", "T", "1", "t", bytes("p"), bytes("m"));
        var b = new StoredRecord(1, "a", "bc-1", 0, "x", "T", "1", "t", bytes("p"), bytes("m"));

        assertThat(CanonicalEvent.encode(a)).isNotEqualTo(CanonicalEvent.encode(b));
    }

    @Test
    void flipping_any_bit_of_the_payload_or_metadata_changes_the_encoding() {
        var seen = new HashSet<String>();
        seen.add(Arrays.toString(CanonicalEvent.encode(RECORD)));
        for (int i = 0; i < RECORD.payload().length; i++) {
            var payload = RECORD.payload().clone();
            payload[i] ^= 1;
            assertThat(seen.add(Arrays.toString(CanonicalEvent.encode(withPayload(payload, RECORD.metadata()))))).isTrue();
        }
        for (int i = 0; i < RECORD.metadata().length; i++) {
            var metadata = RECORD.metadata().clone();
            metadata[i] ^= 1;
            assertThat(seen.add(Arrays.toString(CanonicalEvent.encode(withPayload(RECORD.payload(), metadata))))).isTrue();
        }
    }

    @Test
    void the_position_and_the_version_are_covered() {
        var moved = new StoredRecord(8, RECORD.eventId(), RECORD.stream(), 2, RECORD.category(), RECORD.type(),
                RECORD.revision(), RECORD.timestamp(), RECORD.payload(), RECORD.metadata());
        var reversioned = new StoredRecord(7, RECORD.eventId(), RECORD.stream(), 3, RECORD.category(), RECORD.type(),
                RECORD.revision(), RECORD.timestamp(), RECORD.payload(), RECORD.metadata());

        assertThat(CanonicalEvent.encode(moved)).isNotEqualTo(CanonicalEvent.encode(RECORD));
        assertThat(CanonicalEvent.encode(reversioned)).isNotEqualTo(CanonicalEvent.encode(RECORD));
    }

    private static StoredRecord withPayload(byte[] payload, byte[] metadata) {
        return new StoredRecord(RECORD.position(), RECORD.eventId(), RECORD.stream(), RECORD.version(), RECORD.category(),
                RECORD.type(), RECORD.revision(), RECORD.timestamp(), payload, metadata);
    }

    private static void text(DataOutputStream out, String value) throws IOException {
        var bytes = bytes(value);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
