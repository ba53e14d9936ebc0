package dev.scrollback.adapters.persistence.signingkeys;

import com.zaxxer.hikari.HikariDataSource;
import dev.scrollback.adapters.persistence.shared.SidePool;
import dev.scrollback.adapters.persistence.shared.StoreSettings;
import dev.scrollback.application.accounts.SigningKeyStore;
import dev.scrollback.application.accounts.StoredSigningKey;
import dev.scrollback.application.accounts.StoredSigningKey.Pkcs8PrivateKey;
import dev.scrollback.application.accounts.StoredSigningKey.X509PublicKey;
import dev.scrollback.domain.accounts.SigningKeyId;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The token signing keys in table {@code signing_key} of the event store's own database (embedded H2 or PostgreSQL),
 * so every instance that shares the events shares the keys (decision 0008). The table is made if missing. A unique
 * {@code generation} makes concurrent rotations safe: the second insert of a generation fails, and {@link #add} says
 * so. Instants are stored as ISO-8601 text: exact to the nanosecond on both databases.
 */
public final class JdbcSigningKeyStore implements SigningKeyStore, AutoCloseable {
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String COLUMNS = "kid, generation, algorithm, created_at, retired_at, private_key, public_key";

    private final HikariDataSource pool;

    private JdbcSigningKeyStore(HikariDataSource pool) {
        this.pool = pool;
    }

    /**
     * Opens the key table in the database {@code settings} name, with a small pool of its own. For the embedded store the
     * URL is the event store's exactly: H2 shares one open database among all connections of a process that name it.
     */
    public static JdbcSigningKeyStore open(StoreSettings settings) {
        var side = SidePool.open(settings, "scrollback-keys", "the signing key table", JdbcSigningKeyStore::createTable);
        return new JdbcSigningKeyStore(side.pool());
    }

    private static void createTable(Connection connection, boolean postgres) throws SQLException {
        try (var statement = connection.createStatement()) {
            String bytes = postgres ? "BYTEA" : "VARBINARY(8192)";
            statement.execute("""
                    CREATE TABLE IF NOT EXISTS signing_key (
                        kid VARCHAR(64) NOT NULL PRIMARY KEY,
                        generation BIGINT NOT NULL UNIQUE,
                        algorithm VARCHAR(16) NOT NULL,
                        created_at VARCHAR(40) NOT NULL,
                        retired_at VARCHAR(40),
                        private_key %s,
                        public_key %s NOT NULL)""".formatted(bytes, bytes));
        }
    }

    @Override
    public List<StoredSigningKey> keys() {
        try (var connection = pool.getConnection();
             var query = connection.prepareStatement("SELECT " + COLUMNS + " FROM signing_key ORDER BY generation");
             var rows = query.executeQuery()) {
            var keys = new ArrayList<StoredSigningKey>();
            while (rows.next()) keys.add(read(rows));
            return keys;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the signing keys: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean add(StoredSigningKey key) {
        try (var connection = pool.getConnection();
             var insert = connection.prepareStatement("INSERT INTO signing_key (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, key.id().value());
            insert.setLong(2, key.generation());
            insert.setString(3, key.algorithm());
            insert.setString(4, key.createdAt().toString());
            insert.setString(5, key.retiredAt().map(Instant::toString).orElse(null));
            if (key.privateKey().isPresent()) insert.setBytes(6, key.privateKey().get().der());
            else insert.setNull(6, Types.VARBINARY);
            insert.setBytes(7, key.publicKey().der());
            insert.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) return false;     // that generation (or key) is taken
            throw new IllegalStateException("cannot add a signing key: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean retire(SigningKeyId key, Instant at) {
        try (var connection = pool.getConnection();
             var update = connection.prepareStatement(
                     "UPDATE signing_key SET retired_at = ?, private_key = NULL WHERE kid = ? AND retired_at IS NULL")) {
            update.setString(1, at.toString());
            update.setString(2, key.value());
            return update.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot retire signing key " + key + ": " + e.getMessage(), e);
        }
    }

    private static StoredSigningKey read(ResultSet rows) throws SQLException {
        var privateKey = rows.getBytes("private_key");
        return new StoredSigningKey(new SigningKeyId(rows.getString("kid")), rows.getLong("generation"),
                rows.getString("algorithm"), Instant.parse(rows.getString("created_at")),
                Optional.ofNullable(rows.getString("retired_at")).map(Instant::parse),
                Optional.ofNullable(privateKey).map(Pkcs8PrivateKey::new), new X509PublicKey(rows.getBytes("public_key")));
    }

    @Override
    public void close() {
        pool.close();
    }
}
