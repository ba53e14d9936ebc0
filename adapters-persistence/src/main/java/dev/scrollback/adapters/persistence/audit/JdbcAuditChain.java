package dev.scrollback.adapters.persistence.audit;

import com.zaxxer.hikari.HikariDataSource;
import dev.scrollback.adapters.persistence.shared.SidePool;
import dev.scrollback.adapters.persistence.shared.StoreSettings;
import dev.scrollback.adapters.persistence.shared.StoredRecord;
import dev.scrollback.adapters.persistence.shared.StoredRecords;
import dev.scrollback.application.audit.AuditChain;
import dev.scrollback.application.audit.AuditVerification;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;

/**
 * The hash chain over the global log and its signed checkpoints (decision 0020), in two tables of the event store's
 * own database: {@code audit_chain} (each sealed position and its chain hash) and {@code audit_checkpoint} (a position,
 * the chain hash there, the key id and its Ed25519 signature). {@link #seal} extends both from the last sealed position
 * (the server runs it every few seconds); {@link #verify} walks the log from position 1, a page at a time, and never
 * writes.
 *
 * <p>What verification can name. The log and the sealed hashes are walked side by side by position: a sealed position
 * missing from the log is a removal, a logged position that was never sealed is an insertion, and a recomputed hash
 * that differs from the sealed one is an alteration of that event (a swap of two rows is caught at the first of them,
 * since the position is part of what is hashed). Someone who also rewrote the sealed hashes cannot sign checkpoints:
 * then the first checkpoint after the change fails, and all that can be said is that the record was altered after the
 * last good checkpoint, whose next position is reported.
 */
public final class JdbcAuditChain implements AuditChain, AutoCloseable {
    /** Events sealed per transaction; each sealed page ends with a checkpoint. */
    static final int PAGE = 1000;
    private static final long SEAL_LOCK = 0x5343_4155_4449L;             // "SCAUDI"
    private static final byte[] CHECKPOINT_TAG = "scrollback-checkpoint/1".getBytes(StandardCharsets.UTF_8);

    private final HikariDataSource pool;
    private final boolean postgres;
    private final StoredRecords log;
    private final CheckpointKey key;
    private final Clock clock;

    private JdbcAuditChain(HikariDataSource pool, boolean postgres, StoredRecords log, CheckpointKey key, Clock clock) {
        this.pool = pool;
        this.postgres = postgres;
        this.log = log;
        this.key = key;
        this.clock = clock;
    }

    /** Opens the chain's tables in the database {@code settings} names (made if missing), with a small pool of its own. */
    public static JdbcAuditChain open(StoreSettings settings, StoredRecords log, CheckpointKey key, Clock clock) {
        var side = SidePool.open(settings, "scrollback-audit", "the audit chain tables", JdbcAuditChain::createTables);
        return new JdbcAuditChain(side.pool(), side.postgres(), log, key, clock);
    }

    private static void createTables(Connection connection, boolean postgres) throws SQLException {
        try (var statement = connection.createStatement()) {
            String bytes = postgres ? "BYTEA" : "VARBINARY(128)";
            statement.execute("""
                    CREATE TABLE IF NOT EXISTS audit_chain (
                        position BIGINT NOT NULL PRIMARY KEY,
                        hash %s NOT NULL)""".formatted(bytes));
            statement.execute("""
                    CREATE TABLE IF NOT EXISTS audit_checkpoint (
                        position BIGINT NOT NULL PRIMARY KEY,
                        hash %s NOT NULL,
                        key_id VARCHAR(64) NOT NULL,
                        signature %s NOT NULL,
                        created_at VARCHAR(40) NOT NULL)""".formatted(bytes, bytes));
        }
    }

    private static void lock(Connection connection) throws SQLException {
        try (var lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            lock.setLong(1, SEAL_LOCK);
            lock.execute();
        }
    }

    /**
     * Extends the chain over every event committed after the last sealed one, a page ({@value #PAGE} events) per
     * transaction, each page ending with a signed checkpoint at its last event. Safe to run from several instances
     * at once (PostgreSQL: one at a time under a lock). Returns how many events it sealed.
     */
    public synchronized long seal() {
        long sealed = 0;
        while (true) {
            int page = sealPage();
            if (page == 0) return sealed;
            sealed += page;
        }
    }

    private int sealPage() {
        try (var connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try {
                if (postgres) lock(connection);
                var tip = tip(connection);
                var records = log.after(tip.position(), PAGE);
                if (records.isEmpty()) {
                    connection.rollback();
                    return 0;
                }
                var hash = tip.hash();
                try (var chain = connection.prepareStatement("INSERT INTO audit_chain (position, hash) VALUES (?, ?)")) {
                    for (var record : records) {
                        hash = HashChain.next(hash, record);
                        chain.setLong(1, record.position());
                        chain.setBytes(2, hash);
                        chain.addBatch();
                    }
                    chain.executeBatch();
                }
                checkpoint(connection, records.getLast().position(), hash);
                connection.commit();
                return records.size();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot seal the audit chain: " + e.getMessage(), e);
        }
    }

    private record Tip(long position, byte[] hash) {}

    private static Tip tip(Connection connection) throws SQLException {
        try (var query = connection.prepareStatement("SELECT position, hash FROM audit_chain ORDER BY position DESC FETCH FIRST 1 ROWS ONLY");
             var rows = query.executeQuery()) {
            return rows.next() ? new Tip(rows.getLong(1), rows.getBytes(2)) : new Tip(0, HashChain.genesis());
        }
    }

    /** The highest position sealed or checkpointed (a checkpoint past the last sealed hash means seals were removed). */
    private static long sealedThrough(Connection connection) throws SQLException {
        try (var query = connection.prepareStatement(
                "SELECT (SELECT max(position) FROM audit_chain), (SELECT max(position) FROM audit_checkpoint)");
             var rows = query.executeQuery()) {
            rows.next();
            return Math.max(rows.getLong(1), rows.getLong(2));
        }
    }

    private void checkpoint(Connection connection, long position, byte[] hash) throws SQLException {
        try (var insert = connection.prepareStatement(
                "INSERT INTO audit_checkpoint (position, hash, key_id, signature, created_at) VALUES (?, ?, ?, ?, ?)")) {
            insert.setLong(1, position);
            insert.setBytes(2, hash);
            insert.setString(3, key.id());
            insert.setBytes(4, key.sign(signed(position, hash)));
            insert.setString(5, clock.instant().toString());
            insert.executeUpdate();
        }
    }

    /** What a checkpoint's signature covers: a tag, the position (8 bytes, big-endian) and the chain hash there. */
    static byte[] signed(long position, byte[] hash) {
        return ByteBuffer.allocate(CHECKPOINT_TAG.length + Long.BYTES + hash.length)
                .put(CHECKPOINT_TAG).putLong(position).put(hash).array();
    }

    @Override
    public AuditVerification verify() {
        try {
            return new Walk().run();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the audit chain: " + e.getMessage(), e);
        }
    }

    private record Sealed(long position, byte[] hash) {}

    private record Checkpoint(long position, byte[] hash, String keyId, byte[] signature) {}

    /** One verification: three cursors (log, sealed hashes, checkpoints) walked by position, a page each at a time. */
    private final class Walk {
        private final ArrayDeque<StoredRecord> records = new ArrayDeque<>();
        private final ArrayDeque<Sealed> sealed = new ArrayDeque<>();
        private final ArrayDeque<Checkpoint> checkpoints = new ArrayDeque<>();
        private long recordsAfter, sealedAfter, checkpointsAfter;
        private long tipPosition;
        private long events, goodCheckpoints, lastGoodCheckpoint;

        AuditVerification run() throws SQLException {
            try (var connection = pool.getConnection()) {
                connection.setAutoCommit(false);        // one transaction: a seal running meanwhile is not half seen
                if (postgres) {
                    try (var statement = connection.createStatement()) {
                        statement.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
                    }
                }
                try {
                    tipPosition = sealedThrough(connection);
                    return walk(connection);
                } finally {
                    connection.rollback();
                    connection.setAutoCommit(true);
                }
            }
        }

        private AuditVerification walk(Connection connection) throws SQLException {
            var hash = HashChain.genesis();
            long previousPosition = 0;
            while (true) {
                var record = nextRecord();
                var seal = nextSealed(connection);
                if (record == null && seal == null) break;
                if (seal == null || (record != null && record.position() < seal.position())) {
                    return failed(record.position(), "the event at position " + record.position() + " was never sealed: it was "
                            + "inserted, or its position was changed");
                }
                if (record == null || seal.position() < record.position()) {
                    return failed(seal.position(), "the event at position " + seal.position() + " was removed");
                }
                hash = HashChain.next(hash, record);
                if (!Arrays.equals(hash, seal.hash())) {
                    return failed(record.position(), "the event at position " + record.position() + " differs from the one "
                            + "sealed: it was altered, replaced or moved" + (record.position() > previousPosition + 1
                            ? ", or an event after position " + previousPosition + " was removed with its seal" : ""));
                }
                records.removeFirst();
                sealed.removeFirst();
                events++;
                previousPosition = record.position();
                var problem = checkpointsUpTo(connection, record.position(), hash);
                if (problem != null) return problem;
            }
            var stray = nextCheckpoint(connection);
            if (stray != null) {
                return failed(lastGoodCheckpoint + 1, "checkpoint at position " + stray.position() + " names a position that "
                        + "is not sealed: sealed events after position " + lastGoodCheckpoint + " were removed");
            }
            return AuditVerification.passed(events, goodCheckpoints);
        }

        private AuditVerification checkpointsUpTo(Connection connection, long position, byte[] hash) throws SQLException {
            Checkpoint checkpoint;
            while ((checkpoint = nextCheckpoint(connection)) != null && checkpoint.position() <= position) {
                checkpoints.removeFirst();
                if (!checkpoint.keyId().equals(key.id())) {
                    return failed(lastGoodCheckpoint + 1, "checkpoint at position " + checkpoint.position()
                            + " is signed by key " + checkpoint.keyId() + ", not this server's checkpoint key " + key.id());
                }
                if (!key.verifies(signed(checkpoint.position(), checkpoint.hash()), checkpoint.signature())) {
                    return failed(lastGoodCheckpoint + 1, "checkpoint at position " + checkpoint.position()
                            + " has a bad signature: the checkpoints were tampered with after position " + lastGoodCheckpoint);
                }
                if (checkpoint.position() != position || !Arrays.equals(checkpoint.hash(), hash)) {
                    return failed(lastGoodCheckpoint + 1, "the chain does not match the signed checkpoint at position "
                            + checkpoint.position() + ": the record and its seals were rewritten somewhere after position "
                            + lastGoodCheckpoint);
                }
                goodCheckpoints++;
                lastGoodCheckpoint = position;
            }
            return null;
        }

        private AuditVerification failed(long position, String reason) {
            return AuditVerification.failed(events, goodCheckpoints, position, reason);
        }

        /** The next logged event up to the sealed tip (later ones are not sealed yet), or null. */
        private StoredRecord nextRecord() {
            if (records.isEmpty() && recordsAfter < tipPosition) {
                List<StoredRecord> page = log.after(recordsAfter, PAGE);
                for (var record : page) if (record.position() <= tipPosition) records.add(record);
                recordsAfter = page.isEmpty() || page.getLast().position() >= tipPosition ? tipPosition : page.getLast().position();
            }
            return records.peekFirst();
        }

        private Sealed nextSealed(Connection connection) throws SQLException {
            if (sealed.isEmpty()) {
                try (var query = connection.prepareStatement(
                        "SELECT position, hash FROM audit_chain WHERE position > ? AND position <= ? ORDER BY position FETCH FIRST ? ROWS ONLY")) {
                    query.setLong(1, sealedAfter);
                    query.setLong(2, tipPosition);
                    query.setInt(3, PAGE);
                    try (var rows = query.executeQuery()) {
                        while (rows.next()) sealed.add(new Sealed(rows.getLong(1), rows.getBytes(2)));
                    }
                }
                if (!sealed.isEmpty()) sealedAfter = sealed.getLast().position();
            }
            return sealed.peekFirst();
        }

        private Checkpoint nextCheckpoint(Connection connection) throws SQLException {
            if (checkpoints.isEmpty()) {
                try (var query = connection.prepareStatement("SELECT position, hash, key_id, signature FROM audit_checkpoint "
                        + "WHERE position > ? AND position <= ? ORDER BY position FETCH FIRST ? ROWS ONLY")) {
                    query.setLong(1, checkpointsAfter);
                    query.setLong(2, tipPosition);
                    query.setInt(3, PAGE);
                    try (var rows = query.executeQuery()) {
                        while (rows.next()) {
                            checkpoints.add(new Checkpoint(rows.getLong(1), rows.getBytes(2), rows.getString(3), rows.getBytes(4)));
                        }
                    }
                }
                if (!checkpoints.isEmpty()) checkpointsAfter = checkpoints.getLast().position();
            }
            return checkpoints.peekFirst();
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
