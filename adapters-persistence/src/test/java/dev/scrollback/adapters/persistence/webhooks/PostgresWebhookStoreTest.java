package dev.scrollback.adapters.persistence.webhooks;

import dev.scrollback.adapters.persistence.shared.StoreSettings;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The contract on the test PostgreSQL (jdbc:postgresql://127.0.0.1:5432/test, user postgres), each test in a fresh
 * schema dropped afterwards; unreachable PostgreSQL fails the test.
 */
class PostgresWebhookStoreTest extends WebhookStoreContract {
    static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";
    final String schema = "hooks_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);

    @BeforeEach
    void createSchema() throws SQLException {
        try (var connection = DriverManager.getConnection(URL, "postgres", ""); var statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        }
    }

    @AfterEach
    void dropSchema() throws SQLException {
        try (var connection = DriverManager.getConnection(URL, "postgres", ""); var statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    @Override
    protected StoreSettings settings() {
        return new StoreSettings.Postgres(URL + "?currentSchema=" + schema, "postgres", "");
    }
}
