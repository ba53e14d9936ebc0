package dev.scrollback.adapters.persistence.shared;

import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;

/** Tamper evidence on PostgreSQL, each test in a schema of its own. Fails (never skips) when PostgreSQL is unreachable. */
class PostgresAuditChainTest extends AuditChainContract {
    /** Made with the test instance, since the contract opens the store before a subclass's own set-up runs. */
    private final PostgresSchema schema;

    PostgresAuditChainTest() throws SQLException {
        schema = new PostgresSchema();
    }

    @AfterEach
    void dropSchema() throws SQLException {
        close();
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
