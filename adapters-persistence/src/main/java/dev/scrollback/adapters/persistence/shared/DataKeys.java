package dev.scrollback.adapters.persistence.shared;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
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

    /** The longest line a key file may hold: an owner, a key, two times and the names, with room to spare. */
    static final int MAX_LINE = 1024;

    /**
     * Writes every row of the table as one JSON line each ({@code owner}, {@code key} in base64 or null once erased,
     * {@code createdAt}, {@code erasedAt}), oldest owner name first: the personal-data half of a backup, which an event
     * export deliberately leaves out (decision 0021). Returns how many rows it wrote.
     */
    long exportTo(OutputStream out) {
        var json = EventJson.mapper();
        long rows = 0;
        try (var connection = pool.getConnection();
             var query = connection.prepareStatement("SELECT owner, data_key, created_at, erased_at FROM " + TABLE + " ORDER BY owner");
             var result = query.executeQuery()) {
            while (result.next()) {
                var line = new LinkedHashMap<String, Object>();
                line.put("owner", result.getString(1));
                var key = result.getBytes(2);
                line.put("key", key == null ? null : Base64.getEncoder().encodeToString(key));
                line.put("createdAt", result.getString(3));
                line.put("erasedAt", result.getString(4));
                out.write(json.writeValueAsBytes(line));
                out.write('\n');
                rows++;
            }
            out.flush();
            return rows;
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("cannot export the data keys: " + e.getMessage(), e);
        }
    }

    /**
     * Reads lines written by {@link #exportTo} into this table, which must be empty; all or nothing, in one transaction.
     *
     * @throws RecordImport.Refused naming the first bad line; nothing was written then
     */
    long importFrom(InputStream in) {
        var json = EventJson.mapper();
        try (var connection = pool.getConnection()) {
            long imported = InTransaction.run(connection, c -> {
                try (var count = c.prepareStatement("SELECT COUNT(*) FROM " + TABLE);
                     var rows = count.executeQuery()) {
                    rows.next();
                    if (rows.getLong(1) > 0) {
                        throw new RecordImport.Refused("the data key table " + TABLE + " is not empty; import keys only into a fresh store");
                    }
                }
                long read = 0;
                var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
                try (var insert = c.prepareStatement(
                        "INSERT INTO " + TABLE + " (owner, data_key, created_at, erased_at) VALUES (?, ?, ?, ?)")) {
                    var seen = new HashSet<String>();
                    for (long number = 1; ; number++) {
                        var line = boundedLine(reader, number);
                        if (line == null) break;
                        var row = keyRow(json, line, number);
                        if (!seen.add(row.owner())) throw new RecordImport.Refused("key line " + number + ": owner " + row.owner() + " appears twice");
                        insert.setString(1, row.owner());
                        insert.setBytes(2, row.key());
                        insert.setString(3, row.createdAt());
                        insert.setString(4, row.erasedAt());
                        insert.addBatch();
                        read++;
                    }
                    insert.executeBatch();
                }
                return read;
            });
            synchronized (cache) {
                cache.clear();
            }
            return imported;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot import the data keys: " + e.getMessage(), e);
        }
    }

    private static int read(BufferedReader reader) {
        try {
            return reader.read();
        } catch (IOException e) {
            throw new RecordImport.Refused("cannot read the key file: " + e.getMessage());
        }
    }

    private record KeyRow(String owner, byte[] key, String createdAt, String erasedAt) {}

    private static String boundedLine(BufferedReader reader, long number) {
        var line = new StringBuilder();
        for (int c; (c = read(reader)) != -1; ) {
            if (c == '\n') return line.toString();
            if (line.length() >= MAX_LINE) throw new RecordImport.Refused("key line " + number + " is longer than " + MAX_LINE + " characters");
            line.append((char) c);
        }
        if (line.isEmpty()) return null;
        throw new RecordImport.Refused("key line " + number + " is cut short (no line end)");
    }

    private static KeyRow keyRow(com.fasterxml.jackson.databind.ObjectMapper json, String line, long number) {
        try {
            var node = json.readTree(line);
            if (node == null || !node.isObject()) throw new IllegalArgumentException("not a JSON object");
            var fields = new java.util.ArrayList<String>();
            node.fieldNames().forEachRemaining(fields::add);
            for (var field : fields) {
                if (!java.util.Set.of("owner", "key", "createdAt", "erasedAt").contains(field)) {
                    throw new IllegalArgumentException("unknown field '" + field + "'");
                }
            }
            var owner = text(node, "owner", 64).orElseThrow(() -> new IllegalArgumentException("owner is missing"));
            new KeyOwner(owner);                                  // refuses anything not shaped like one
            var created = text(node, "createdAt", 40).orElseThrow(() -> new IllegalArgumentException("createdAt is missing"));
            Instant.parse(created);
            var erased = text(node, "erasedAt", 40);
            erased.ifPresent(Instant::parse);
            var encoded = text(node, "key", 64);
            byte[] key = null;
            if (encoded.isPresent()) {
                key = Base64.getDecoder().decode(encoded.get());
                if (key.length != KEY_BYTES) throw new IllegalArgumentException("the key is not " + KEY_BYTES + " bytes");
            }
            if ((key == null) == erased.isEmpty()) {
                throw new IllegalArgumentException("a row holds a key or, once erased, none: not both, not neither");
            }
            return new KeyRow(owner, key, created, erased.orElse(null));
        } catch (RecordImport.Refused e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new RecordImport.Refused("key line " + number + ": " + e.getMessage() + "; no key was imported");
        }
    }

    private static Optional<String> text(com.fasterxml.jackson.databind.JsonNode node, String field, int max) {
        var value = node.get(field);
        if (value == null || value.isNull()) return Optional.empty();
        if (!value.isTextual() || value.asText().isEmpty() || value.asText().length() > max) {
            throw new IllegalArgumentException(field + " is not a text of 1 to " + max + " characters");
        }
        return Optional.of(value.asText());
    }
}
