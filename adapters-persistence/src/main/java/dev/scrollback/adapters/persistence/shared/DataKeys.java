package dev.scrollback.adapters.persistence.shared;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;

/**
 * The per-owner AES-256 data keys that seal personal values (decision 0021), in the table {@value #TABLE} beside the
 * events, shared by every instance on the store. A key is made on first need; erasing an owner nulls its key and
 * stamps {@code erased_at}, so the row stays as a tombstone: no instance can make a fresh key for an erased account
 * (the insert of a new key collides with it). Keys are cached in memory, a bounded number, erased owners included.
 */
final class DataKeys {
    static final String TABLE = "personal_data_key";
    /** Owners whose key (or erasure) is kept in memory; past this the least recently used is dropped. */
    static final int CACHED = 10_000;
    private static final int KEY_BYTES = 32;

    private final DataSource pool;
    private final boolean postgres;
    private final SecureRandom random = new SecureRandom();
    /** Owner to key; an empty key marks an erased owner. Guarded by itself. */
    private final Map<String, Optional<SecretKey>> cache = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Optional<SecretKey>> eldest) {
            return size() > CACHED;
        }
    };
    /** Counts erasures seen, so that caches of decrypted text elsewhere know to drop what they hold. */
    private final AtomicLong erasures = new AtomicLong();

    DataKeys(DataSource pool, boolean postgres) {
        this.pool = pool;
        this.postgres = postgres;
    }

    static void createTable(Connection connection, boolean postgres) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (owner VARCHAR(64) PRIMARY KEY, data_key "
                    + (postgres ? "BYTEA" : "VARBINARY(32)") + ", created_at VARCHAR(40) NOT NULL, erased_at VARCHAR(40))");
        }
    }

    /**
     * The key to seal a new value of {@code owner} with, made if there is none yet; empty when the owner is erased (a
     * value about it is then stored erased: destroyed as it arrives, as the erasure promised).
     */
    Optional<SecretKey> forWriting(KeyOwner owner) {
        var known = cached(owner.value());
        if (known != null) return known;
        for (int attempt = 0; attempt < 2; attempt++) {
            var stored = read(owner.value());
            if (stored.isPresent()) {
                remember(owner.value(), stored.get());
                return stored.get();
            }
            var bytes = new byte[KEY_BYTES];
            random.nextBytes(bytes);
            if (insert(owner.value(), bytes)) {
                Optional<SecretKey> key = Optional.of(new SecretKeySpec(bytes, "AES"));
                remember(owner.value(), key);
                return key;
            }
            // another instance made it at the same moment: read theirs
        }
        throw new IllegalStateException("cannot make or read the data key of " + owner);
    }

    /**
     * The key that opens a value sealed for {@code owner}; empty when the owner is erased.
     *
     * @throws IllegalArgumentException when the store has no key and no erasure for that owner
     */
    Optional<SecretKey> forReading(KeyOwner owner) {
        var known = cached(owner.value());
        if (known != null) return known;
        var stored = read(owner.value())
                .orElseThrow(() -> new IllegalArgumentException("no data key for " + owner + " in " + TABLE));
        remember(owner.value(), stored);
        return stored;
    }

    /** Destroys {@code owner}'s key inside the caller's transaction (the one appending the erasure). */
    void erase(Connection connection, KeyOwner owner, Instant at) throws SQLException {
        var sql = postgres
                ? "INSERT INTO " + TABLE + " (owner, data_key, created_at, erased_at) VALUES (?, NULL, ?, ?) "
                        + "ON CONFLICT (owner) DO UPDATE SET data_key = NULL, erased_at = EXCLUDED.erased_at"
                : "MERGE INTO " + TABLE + " t USING (VALUES (CAST(? AS VARCHAR(64)), CAST(? AS VARCHAR(40)), CAST(? AS VARCHAR(40)))) "
                        + "s(owner, created_at, erased_at) ON t.owner = s.owner "
                        + "WHEN MATCHED THEN UPDATE SET data_key = NULL, erased_at = s.erased_at "
                        + "WHEN NOT MATCHED THEN INSERT (owner, data_key, created_at, erased_at) VALUES (s.owner, NULL, s.created_at, s.erased_at)";
        try (var statement = connection.prepareStatement(sql)) {
            statement.setString(1, owner.value());
            statement.setString(2, at.toString());
            statement.setString(3, at.toString());
            statement.executeUpdate();
        }
    }

    /** Drops what this instance remembers of {@code owner}: its key was destroyed (here or by another instance). */
    void forget(KeyOwner owner) {
        synchronized (cache) {
            cache.remove(owner.value());
        }
        erasures.incrementAndGet();
    }

    long erasuresSeen() {
        return erasures.get();
    }

    private Optional<SecretKey> cached(String owner) {
        synchronized (cache) {
            return cache.get(owner);
        }
    }

    private void remember(String owner, Optional<SecretKey> key) {
        synchronized (cache) {
            cache.put(owner, key);
        }
    }

    /** The stored row: empty if none, an empty key if erased. */
    private Optional<Optional<SecretKey>> read(String owner) {
        try (var connection = pool.getConnection();
             var query = connection.prepareStatement("SELECT data_key FROM " + TABLE + " WHERE owner = ?")) {
            query.setString(1, owner);
            try (var rows = query.executeQuery()) {
                if (!rows.next()) return Optional.empty();
                var bytes = rows.getBytes(1);
                if (bytes == null) return Optional.of(Optional.empty());
                if (bytes.length != KEY_BYTES) throw new IllegalStateException("the data key of " + owner + " is not 32 bytes");
                return Optional.of(Optional.of(new SecretKeySpec(bytes, "AES")));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the data key of " + owner + ": " + e.getMessage(), e);
        }
    }

    /** False when the row exists already (made by another instance, or a tombstone). */
    private boolean insert(String owner, byte[] key) {
        try (var connection = pool.getConnection();
             var insert = connection.prepareStatement("INSERT INTO " + TABLE + " (owner, data_key, created_at) VALUES (?, ?, ?)")) {
            insert.setString(1, owner);
            insert.setBytes(2, key);
            insert.setString(3, Instant.now().toString());
            insert.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (GroupCommitWriter.isDuplicateKey(e)) return false;
            throw new IllegalStateException("cannot store the data key of " + owner + ": " + e.getMessage(), e);
        }
    }
}
