package dev.scrollback.adapters.persistence.shared;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Once per store, before anything reads or appends (decision 0021): rewrites the events a store holds from before
 * personal data was sealed, so that every {@code {"personal":"text"}} in a payload and every clear origin address in
 * an envelope becomes ciphertext under its owner's key; then drops the audit chain's tables, whose hashes covered the
 * clear text, so the chain is sealed again from the first event. A marker row says it is done; PostgreSQL instances
 * starting together take an advisory lock, so one does it and the others find the marker. Rewriting sealed history is
 * acceptable only because no store has been deployed yet.
 */
final class SealMigration {
    static final String MARKER_TABLE = "scrollback_migration";
    static final String NAME = "0021-seal-personal-data";
    /** Distinct from the append lock and the audit seal lock. */
    private static final long LOCK = 0x5c0_11ba_c0021L;
    private static final int PAGE = 500;
    private static final Logger log = LoggerFactory.getLogger(SealMigration.class);

    /** What the migration did: how many rows it rewrote (0 when the marker was there, or nothing was in the clear). */
    record Outcome(boolean ran, long rewritten) {}

    private final DataSource pool;
    private final boolean postgres;
    private final EnvelopeJson envelopes;
    private final PersonalCipher cipher;
    private final ObjectMapper mapper = EventJson.mapper();

    SealMigration(DataSource pool, boolean postgres, EnvelopeJson envelopes, PersonalCipher cipher) {
        this.pool = pool;
        this.postgres = postgres;
        this.envelopes = envelopes;
        this.cipher = cipher;
    }

    Outcome run() {
        try (var connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try {
                try (var statement = connection.createStatement()) {
                    statement.execute("CREATE TABLE IF NOT EXISTS " + MARKER_TABLE
                            + " (name VARCHAR(64) PRIMARY KEY, done_at VARCHAR(40) NOT NULL, rewritten BIGINT NOT NULL)");
                }
                connection.commit();
                if (postgres) {
                    try (var lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                        lock.setLong(1, LOCK);
                        lock.execute();
                    }
                }
                if (done(connection)) {
                    connection.commit();
                    return new Outcome(false, 0);
                }
                long rewritten = rewrite(connection);
                if (rewritten > 0) {
                    try (var statement = connection.createStatement()) {
                        statement.execute("DROP TABLE IF EXISTS audit_checkpoint");
                        statement.execute("DROP TABLE IF EXISTS audit_chain");
                    }
                }
                try (var marker = connection.prepareStatement("INSERT INTO " + MARKER_TABLE + " (name, done_at, rewritten) VALUES (?, ?, ?)")) {
                    marker.setString(1, NAME);
                    marker.setString(2, Instant.now().toString());
                    marker.setLong(3, rewritten);
                    marker.executeUpdate();
                }
                connection.commit();
                if (rewritten > 0) {
                    log.warn("Sealed the personal data of {} stored events under per-account keys (decision 0021); the audit "
                            + "chain covered them in the clear, so it was dropped and is sealed again from the first event", rewritten);
                }
                return new Outcome(true, rewritten);
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot seal the personal data of the stored events: " + e.getMessage(), e);
        }
    }

    private static boolean done(Connection connection) throws SQLException {
        try (var query = connection.prepareStatement("SELECT 1 FROM " + MARKER_TABLE + " WHERE name = ?")) {
            query.setString(1, NAME);
            try (var rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    private record Row(long position, String stream, String timestamp, byte[] payload, byte[] metadata) {}

    private long rewrite(Connection connection) throws SQLException {
        long after = -1, rewritten = 0;
        while (true) {
            var page = new ArrayList<Row>(PAGE);
            try (var query = connection.prepareStatement("SELECT globalIndex, aggregateIdentifier, timeStamp, payload, metaData "
                    + "FROM domain_event_entry WHERE globalIndex > ? ORDER BY globalIndex FETCH FIRST " + PAGE + " ROWS ONLY")) {
                query.setLong(1, after);
                try (var rows = query.executeQuery()) {
                    while (rows.next()) page.add(new Row(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getBytes(4), rows.getBytes(5)));
                }
            }
            if (page.isEmpty()) return rewritten;
            try (var update = connection.prepareStatement("UPDATE domain_event_entry SET payload = ?, metaData = ? WHERE globalIndex = ?")) {
                for (var row : page) {
                    var sealed = seal(row);
                    if (sealed.isEmpty()) continue;
                    update.setBytes(1, sealed.get(0));
                    update.setBytes(2, sealed.get(1));
                    update.setLong(3, row.position());
                    update.addBatch();
                    rewritten++;
                }
                update.executeBatch();
            }
            after = page.getLast().position();
        }
    }

    /** The row's payload and envelope with their clear personal values sealed; empty when it holds none. */
    private List<byte[]> seal(Row row) {
        try {
            var envelope = envelopes.read(row.metadata());
            var metadata = envelope.at(StoredTimestamp.parse(row.timestamp()));
            var stream = new dev.scrollback.application.shared.StreamId(row.stream());
            boolean changed = false;
            var payload = row.payload();
            if (PersonalTree.mayHoldPersonal(payload)) {
                var tree = mapper.readTree(payload);
                if (PersonalTree.seal(tree, cipher, KeyOwner.ofPayload(stream, metadata)) > 0) {
                    payload = mapper.writeValueAsBytes(tree);
                    changed = true;
                }
            }
            var meta = row.metadata();
            if (mapper.readTree(meta) instanceof ObjectNode tree && tree.get(EnvelopeJson.ORIGIN) instanceof ObjectNode origin) {
                var address = origin.get("address");
                String clear = address instanceof TextNode text ? text.textValue()
                        : address instanceof ObjectNode marked && marked.size() == 1
                                && marked.get(ValueObjectJson.PERSONAL) instanceof TextNode text ? text.textValue() : null;
                if (clear != null) {
                    var sealed = cipher.seal(KeyOwner.ofEnvelope(List.of(stream), metadata), clear);
                    if (sealed.isEmpty()) {
                        origin.putObject("address").put(ValueObjectJson.ERASED, true);
                    } else {
                        sealed.get().putInto(origin.putObject("address").putObject(ValueObjectJson.PERSONAL));
                    }
                    meta = mapper.writeValueAsBytes(tree);
                    changed = true;
                }
            }
            return changed ? List.of(payload, meta) : List.of();
        } catch (IOException | RuntimeException e) {
            throw new UnreadableEvent(row.position(), row.stream(), "(migration 0021)", e);
        }
    }
}
