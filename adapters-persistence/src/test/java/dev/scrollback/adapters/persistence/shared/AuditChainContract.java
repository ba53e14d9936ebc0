package dev.scrollback.adapters.persistence.shared;

import static dev.scrollback.adapters.persistence.shared.SampleEvents.metadata;
import static dev.scrollback.adapters.persistence.shared.SampleEvents.verified;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.adapters.persistence.audit.CheckpointKey;
import dev.scrollback.adapters.persistence.audit.HashChain;
import dev.scrollback.adapters.persistence.audit.JdbcAuditChain;
import dev.scrollback.application.audit.AuditVerification;
import dev.scrollback.application.shared.ExpectedVersion;
import dev.scrollback.application.shared.StreamAppend;
import dev.scrollback.application.shared.StreamId;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tamper evidence (issue 7, decision 0020), run against each backend: the stored rows are edited, removed and swapped
 * directly in the database, and verification names the first position where the record went wrong.
 */
abstract class AuditChainContract {
    @TempDir
    Path keyDirectory;

    private EventStore store;
    private JdbcAuditChain chain;

    protected abstract StoreSettings settings();

    /** A plain JDBC connection to the store's database, to tamper with its tables. */
    protected abstract Connection rawConnection() throws SQLException;

    @BeforeEach
    void open() {
        store = EventStore.open(settings());
        chain = JdbcAuditChain.open(settings(), store.storedRecords(), CheckpointKey.inDataDirectory(keyDirectory), Clock.systemUTC());
    }

    @AfterEach
    void close() {
        if (chain != null) chain.close();
        if (store != null) store.close();
        chain = null;
        store = null;
    }

    /** Appends {@code count} events, two to a stream (so stream versions 0 and 1 alternate), one append each. */
    private void append(int count) {
        StreamId stream = null;
        for (int i = 0; i < count; i++) {
            if (i % 2 == 0) {
                stream = StreamId.of("account", UUID.randomUUID());
                store.eventLog().append(new StreamAppend(stream, ExpectedVersion.noStream(), List.of(verified(i))), metadata());
            } else {
                store.eventLog().append(new StreamAppend(stream, ExpectedVersion.exactly(0), List.of(verified(i))), metadata());
            }
        }
    }

    @Test
    void an_untouched_log_verifies() {
        append(6);
        assertThat(chain.seal()).isEqualTo(6);

        assertThat(chain.verify()).isEqualTo(AuditVerification.passed(6, 1));
    }

    @Test
    void sealing_goes_on_from_where_it_stopped_with_a_checkpoint_per_page() {
        append(3);
        chain.seal();
        var batch = new ArrayList<StreamAppend>();
        for (int i = 0; i < 1500; i++) {
            batch.add(new StreamAppend(StreamId.of("account", UUID.randomUUID()), ExpectedVersion.noStream(), List.of(verified(i))));
            if (batch.size() == 250) {
                store.eventLog().append(batch, metadata());
                batch.clear();
            }
        }
        assertThat(chain.seal()).isEqualTo(1500);
        assertThat(chain.seal()).isZero();

        assertThat(chain.verify()).isEqualTo(AuditVerification.passed(1503, 3));       // at 3, 1003 and 1503
    }

    @Test
    void events_not_yet_sealed_are_not_counted_until_the_next_seal() {
        append(4);
        chain.seal();
        append(2);

        assertThat(chain.verify()).isEqualTo(AuditVerification.passed(4, 1));
        chain.seal();
        assertThat(chain.verify()).isEqualTo(AuditVerification.passed(6, 2));
    }

    @Test
    void one_byte_edited_in_one_stored_payload_is_named_at_its_position() throws SQLException {
        append(6);
        chain.seal();
        var payload = payload(4);
        payload[payload.length / 2] ^= 1;
        setPayload(4, payload);

        var result = chain.verify();

        assertThat(result.verified()).isFalse();
        assertThat(result.firstBadPosition()).hasValue(4);
        assertThat(result.reason()).hasValueSatisfying(reason -> assertThat(reason).contains("altered"));
        assertThat(result.events()).isEqualTo(3);
    }

    @Test
    void an_edited_time_is_named_at_its_position() throws SQLException {
        append(6);
        chain.seal();
        try (var connection = rawConnection();
             var update = connection.prepareStatement("UPDATE domain_event_entry SET timeStamp = ? WHERE globalIndex = 2")) {
            update.setString(1, "2025-03-01T20:00:00.000000002Z");
            update.executeUpdate();
        }

        assertThat(chain.verify().firstBadPosition()).hasValue(2);
    }

    @Test
    void a_deleted_event_is_named_at_its_position() throws SQLException {
        append(6);
        chain.seal();
        execute("DELETE FROM domain_event_entry WHERE globalIndex = 3");

        var result = chain.verify();

        assertThat(result.firstBadPosition()).hasValue(3);
        assertThat(result.reason()).hasValueSatisfying(reason -> assertThat(reason).contains("removed"));
    }

    @Test
    void two_swapped_payloads_are_caught_at_the_first_of_them() throws SQLException {
        append(6);
        chain.seal();
        var second = payload(2);
        var fifth = payload(5);
        setPayload(2, fifth);
        setPayload(5, second);

        assertThat(chain.verify().firstBadPosition()).hasValue(2);
    }

    @Test
    void two_swapped_rows_are_caught_at_the_first_of_them() throws SQLException {
        append(6);
        chain.seal();
        execute("UPDATE domain_event_entry SET globalIndex = 100 WHERE globalIndex = 2");
        execute("UPDATE domain_event_entry SET globalIndex = 2 WHERE globalIndex = 5");
        execute("UPDATE domain_event_entry SET globalIndex = 5 WHERE globalIndex = 100");

        assertThat(chain.verify().firstBadPosition()).hasValue(2);
    }

    @Test
    void an_event_inserted_into_a_gap_is_named_at_its_position() throws SQLException {
        append(6);
        execute("DELETE FROM domain_event_entry WHERE globalIndex = 3");   // a gap, as a rolled-back append leaves
        chain.seal();
        assertThat(chain.verify()).isEqualTo(AuditVerification.passed(5, 1));
        execute("UPDATE domain_event_entry SET globalIndex = 3 WHERE globalIndex = 4");

        assertThat(chain.verify().firstBadPosition()).hasValue(3);
    }

    @Test
    void rewriting_the_record_and_its_seals_is_caught_at_the_next_signed_checkpoint() throws SQLException {
        append(3);
        chain.seal();                                   // checkpoint at 3
        append(3);
        chain.seal();                                   // checkpoint at 6
        var payload = payload(5);
        payload[payload.length / 2] ^= 1;
        setPayload(5, payload);
        var hash = sealedHash(4);
        for (var record : store.storedRecords().after(4, 10)) {
            hash = HashChain.next(hash, record);
            try (var connection = rawConnection();
                 var update = connection.prepareStatement("UPDATE audit_chain SET hash = ? WHERE position = ?")) {
                update.setBytes(1, hash);
                update.setLong(2, record.position());
                update.executeUpdate();
            }
        }

        var result = chain.verify();

        assertThat(result.firstBadPosition()).hasValue(4);             // after the last good checkpoint, at 3
        assertThat(result.reason()).hasValueSatisfying(reason -> assertThat(reason).contains("checkpoint at position 6"));
        assertThat(result.checkpoints()).isEqualTo(1);
    }

    @Test
    void a_forged_checkpoint_signature_is_caught() throws SQLException {
        append(3);
        chain.seal();
        append(3);
        chain.seal();
        try (var connection = rawConnection();
             var query = connection.prepareStatement("SELECT signature FROM audit_checkpoint WHERE position = 6");
             var rows = query.executeQuery()) {
            rows.next();
            var signature = rows.getBytes(1);
            signature[0] ^= 1;
            try (var update = connection.prepareStatement("UPDATE audit_checkpoint SET signature = ? WHERE position = 6")) {
                update.setBytes(1, signature);
                update.executeUpdate();
            }
        }

        var result = chain.verify();

        assertThat(result.firstBadPosition()).hasValue(4);
        assertThat(result.reason()).hasValueSatisfying(reason -> assertThat(reason).contains("bad signature"));
    }

    @Test
    void the_last_events_removed_with_their_seals_are_caught_by_the_checkpoint_left_behind() throws SQLException {
        append(3);
        chain.seal();
        append(3);
        chain.seal();
        execute("DELETE FROM domain_event_entry WHERE globalIndex >= 5");
        execute("DELETE FROM audit_chain WHERE position >= 5");

        var result = chain.verify();

        assertThat(result.firstBadPosition()).hasValue(4);
        assertThat(result.reason()).hasValueSatisfying(reason -> assertThat(reason).contains("removed"));
    }

    private byte[] payload(long position) throws SQLException {
        try (var connection = rawConnection();
             var query = connection.prepareStatement("SELECT payload FROM domain_event_entry WHERE globalIndex = ?")) {
            query.setLong(1, position);
            try (var rows = query.executeQuery()) {
                assertThat(rows.next()).isTrue();
                return rows.getBytes(1);
            }
        }
    }

    private void setPayload(long position, byte[] payload) throws SQLException {
        try (var connection = rawConnection();
             var update = connection.prepareStatement("UPDATE domain_event_entry SET payload = ? WHERE globalIndex = ?")) {
            update.setBytes(1, payload);
            update.setLong(2, position);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    private byte[] sealedHash(long position) throws SQLException {
        try (var connection = rawConnection();
             var query = connection.prepareStatement("SELECT hash FROM audit_chain WHERE position = ?")) {
            query.setLong(1, position);
            try (var rows = query.executeQuery()) {
                assertThat(rows.next()).isTrue();
                return rows.getBytes(1);
            }
        }
    }

    private void execute(String sql) throws SQLException {
        try (var connection = rawConnection(); var statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }
}
