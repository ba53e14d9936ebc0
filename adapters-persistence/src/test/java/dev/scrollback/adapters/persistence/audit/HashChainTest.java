package dev.scrollback.adapters.persistence.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scrollback.adapters.persistence.shared.StoredRecord;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class HashChainTest {
    static final StoredRecord FIRST = CanonicalEventTest.RECORD;
    static final StoredRecord SECOND = new StoredRecord(8, "e2", "account-1", 3, "account", "LoggedOut", "1",
            "2025-03-01T20:00:01Z", CanonicalEventTest.bytes("{}"), null);

    @Test
    void each_hash_is_sha_256_of_the_previous_hash_then_the_canonical_bytes() throws Exception {
        var digest = MessageDigest.getInstance("SHA-256");
        digest.update(new byte[32]);
        digest.update(CanonicalEvent.encode(FIRST));

        assertThat(HashChain.next(HashChain.genesis(), FIRST)).isEqualTo(digest.digest());
        assertThat(HashChain.genesis()).isEqualTo(new byte[32]);
    }

    @Test
    void a_hash_covers_every_event_before_it() {
        var one = HashChain.next(HashChain.genesis(), FIRST);
        var two = HashChain.next(one, SECOND);
        var otherFirst = HashChain.next(HashChain.genesis(), new StoredRecord(7, FIRST.eventId(), FIRST.stream(), 2,
                FIRST.category(), FIRST.type(), FIRST.revision(), FIRST.timestamp(), CanonicalEventTest.bytes("{\"a\":2}"),
                FIRST.metadata()));

        assertThat(HashChain.next(otherFirst, SECOND)).isNotEqualTo(two);
        assertThat(HexFormat.of().formatHex(two)).hasSize(64);
    }

    @Test
    void order_matters() {
        var forwards = HashChain.next(HashChain.next(HashChain.genesis(), FIRST), SECOND);
        var backwards = HashChain.next(HashChain.next(HashChain.genesis(), SECOND), FIRST);

        assertThat(forwards).isNotEqualTo(backwards);
    }

    @Test
    void a_previous_hash_has_32_bytes() {
        assertThatThrownBy(() -> HashChain.next(new byte[31], FIRST)).isInstanceOf(IllegalArgumentException.class);
    }
}
