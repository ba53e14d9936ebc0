package dev.scrollback.adapters.persistence.shared;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

/**
 * A fresh schema in the test PostgreSQL (SPEC §4: jdbc:postgresql://127.0.0.1:5432/test, user postgres) for one
 * test, dropped afterwards. Creating it fails, and so fails the test, when PostgreSQL is unreachable.
 */
final class PostgresSchema implements AutoCloseable {
    static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";
    static final String USER = "postgres";

    private final String name = "events_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);

    PostgresSchema() throws SQLException {
        try (var connection = admin(); var statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + name);
        }
    }

    String url() {
        return URL + "?currentSchema=" + name;
    }

    StoreSettings settings() {
        return new StoreSettings.Postgres(url(), USER, "");
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), USER, "");
    }

    private static Connection admin() throws SQLException {
        return DriverManager.getConnection(URL, USER, "");
    }

    @Override
    public void close() throws SQLException {
        try (var connection = admin(); var statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
        }
    }
}
