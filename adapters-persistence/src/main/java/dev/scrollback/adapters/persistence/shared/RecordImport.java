package dev.scrollback.adapters.persistence.shared;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scrollback.application.shared.StreamId;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Writes exported rows back exactly as they were into an EMPTY event table (decision 0023): the same positions, ids,
 * stream versions, times, metadata and payload bytes, so that the hash chain recomputed over the import equals the
 * original's. One pass, one transaction: rows are checked one at a time as they are read and inserted in JDBC batches,
 * and the first bad row rolls the whole import back, so a refused import leaves the store as empty as it found it.
 *
 * <p>What is checked, per row: positions strictly increasing; every stream starting at version 0 and going on without
 * a gap; a known event type at a schema version this build reads; a UUID event id, a well-formed stream id, a time in
 * the stored format, a readable envelope and a payload that is one JSON object (its fields are not decoded: personal
 * fields may be ciphertext whose keys an export does not carry). Repeated event ids are caught by the table's unique
 * constraint, a batch at a time. Memory is bounded by one batch plus one number per stream (the contiguity check).
 */
public final class RecordImport {
    /** Rows per JDBC batch. */
    static final int BATCH = 1000;
    /** The widest text column (Axon's VARCHAR(255)). */
    private static final int MAX_TEXT = 255;
    private static final String INSERT = "INSERT INTO domain_event_entry (globalIndex, eventIdentifier, aggregateIdentifier, "
            + "sequenceNumber, type, payloadType, payloadRevision, timeStamp, payload, metaData) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** Where the rows come from: a parsed export, one row at a time. */
    public interface Source {
        /** The next row, or null at the end. Throws {@link Refused} on a line that does not parse. */
        StoredRecord next() throws IOException;

        /** Where the last row came from, for errors ("line 12"). */
        String where();
    }

    /** The import was refused and nothing was written; the message names the line and the reason. */
    public static final class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }

        Refused(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** What was imported: how many rows, and the first and last positions (0 and 0 when the file held none). */
    public record Imported(long events, long firstPosition, long lastPosition) {}

    private final DataSource pool;
    private final JdbcDialect dialect;
    private final EventJson events;
    private final EnvelopeJson envelopes;
    private final ObjectMapper mapper = EventJson.mapper();

    RecordImport(DataSource pool, JdbcDialect dialect, EventJson events) {
        this.pool = pool;
        this.dialect = dialect;
        this.events = events;
        this.envelopes = EnvelopeJson.checkingOnly(EventJson.mapper());
    }

    Imported run(Source source) {
        try (var connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try {
                var imported = insertAll(connection, source);
                continuePositionsAfter(connection, imported.lastPosition());
                connection.commit();
                return imported;
            } catch (RuntimeException | IOException | SQLException e) {
                connection.rollback();
                if (e instanceof Refused refused) throw refused;
                if (e instanceof IOException io) throw new Refused("cannot read the import at " + source.where() + ": " + io.getMessage(), io);
                throw new IllegalStateException("the import failed at " + source.where() + " and was rolled back: " + e.getMessage(), e);
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot import into the event store: " + e.getMessage(), e);
        }
    }

    private Imported insertAll(Connection connection, Source source) throws IOException, SQLException {
        // The dialect's append lock (PostgreSQL): no instance appends while the table is checked and filled.
        long existing = dialect.begin(connection, List.of()).lastPosition();
        if (existing != 0 || !empty(connection)) {
            throw new Refused("the target event store is not empty (it holds events up to position " + existing
                    + "); import only into a fresh data directory or an empty database schema");
        }
        Map<String, Long> versions = new HashMap<>();
        long count = 0, first = 0, last = 0;
        String batchFrom = null;
        int pending = 0;
        try (var insert = connection.prepareStatement(INSERT)) {
            StoredRecord record;
            while ((record = source.next()) != null) {
                check(record, last, versions, source);
                bind(insert, record);
                insert.addBatch();
                if (pending++ == 0) batchFrom = source.where();
                if (count++ == 0) first = record.position();
                last = record.position();
                if (pending == BATCH) {
                    flush(insert, batchFrom, source.where());
                    pending = 0;
                }
            }
            if (pending > 0) flush(insert, batchFrom, source.where());
        }
        return new Imported(count, first, last);
    }

    private static boolean empty(Connection connection) throws SQLException {
        try (var statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT count(*) FROM domain_event_entry")) {
            rows.next();
            return rows.getLong(1) == 0;
        }
    }

    private void check(StoredRecord record, long lastPosition, Map<String, Long> versions, Source source) {
        try {
            if (record.position() <= lastPosition) {
                throw new IllegalArgumentException("position " + record.position() + " does not follow position " + lastPosition
                        + " (positions must be strictly increasing)");
            }
            UUID.fromString(record.eventId());
            text("event id", record.eventId());
            text("stream", record.stream());
            text("type", record.type());
            if (record.category() != null) text("category", record.category());
            var stream = new StreamId(record.stream());
            Long previous = versions.get(stream.value());
            long expected = previous == null ? 0 : previous + 1;
            if (record.version() != expected) {
                throw new IllegalArgumentException(previous == null
                        ? "stream " + stream + " starts at version " + record.version() + ", not 0 (was the export made with --after?)"
                        : "stream " + stream + " goes from version " + previous + " to " + record.version() + " (versions must be contiguous)");
            }
            versions.put(stream.value(), record.version());
            if (record.revision() == null) throw new IllegalArgumentException("the schema version is missing");
            int schemaVersion;
            try {
                schemaVersion = Integer.parseInt(record.revision());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("schema version '" + record.revision() + "' is not a number");
            }
            events.entry(record.type(), schemaVersion, record.payload());
            requireOneObject(record.payload());
            StoredTimestamp.parse(record.timestamp());
            envelopes.read(record.metadata());
        } catch (RuntimeException e) {
            throw new Refused(source.where() + " (position " + record.position() + "): " + e.getMessage()
                    + "; nothing was imported", e);
        }
    }

    private static void text(String what, String value) {
        if (value.isEmpty() || value.length() > MAX_TEXT) {
            throw new IllegalArgumentException(what + " must be 1 to " + MAX_TEXT + " characters");
        }
    }

    private void requireOneObject(byte[] json) {
        try (var parser = mapper.getFactory().createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) throw new IllegalArgumentException("the payload is not a JSON object");
            parser.skipChildren();
            if (parser.nextToken() != null) throw new IllegalArgumentException("the payload has content after its JSON object");
        } catch (IOException e) {
            throw new IllegalArgumentException("the payload is not valid JSON: " + e.getMessage(), e);
        }
    }

    private static void bind(PreparedStatement insert, StoredRecord record) throws SQLException {
        insert.setLong(1, record.position());
        insert.setString(2, record.eventId());
        insert.setString(3, record.stream());
        insert.setLong(4, record.version());
        insert.setString(5, record.category());
        insert.setString(6, record.type());
        insert.setString(7, record.revision());
        insert.setString(8, record.timestamp());
        insert.setBytes(9, record.payload());
        if (record.metadata() == null) insert.setNull(10, Types.VARBINARY);
        else insert.setBytes(10, record.metadata());
    }

    private static void flush(PreparedStatement insert, String from, String to) throws SQLException {
        try {
            insert.executeBatch();
        } catch (SQLException e) {
            if (GroupCommitWriter.isDuplicateKey(e)) {
                throw new Refused("an event id is repeated between " + from + " and " + to
                        + " (each event id may appear once); nothing was imported", e);
            }
            throw e;
        }
    }

    /** Makes the next append take the position after the imported ones (explicit positions do not move the counter). */
    private void continuePositionsAfter(Connection connection, long lastPosition) throws SQLException {
        if (lastPosition == 0) return;
        switch (dialect) {
            case JdbcDialect.H2 h2 -> {
                try (var statement = connection.createStatement()) {
                    // DDL: H2 commits the transaction here, so this is the last step; the rows are complete by now.
                    statement.execute("ALTER TABLE domain_event_entry ALTER COLUMN globalIndex RESTART WITH " + (lastPosition + 1));
                }
            }
            case JdbcDialect.Postgres postgres -> {
                try (var query = connection.prepareStatement(
                        "SELECT setval(pg_get_serial_sequence('domain_event_entry', 'globalindex'), ?)")) {
                    query.setLong(1, lastPosition);
                    query.execute();
                }
            }
        }
    }
}
