package dev.scrollback.adapters.persistence.shared;

import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;

/** Erasure that keeps the proof on PostgreSQL, each test in a schema of its own. Fails (never skips) without PostgreSQL. */
class PostgresPersonalDataTest extends PersonalDataContract {
    private final PostgresSchema schema;

    PostgresPersonalDataTest() throws SQLException {
        schema = new PostgresSchema();
    }

    @AfterEach
    void dropSchema() throws SQLException {
        closeStore();
        schema.close();
    }

    @Override
    protected StoreSettings settings() {
        return schema.settings();
    }

    @Override
    protected Connection rawConnection() throws SQLException {
        return schema.connect();
    }
}
