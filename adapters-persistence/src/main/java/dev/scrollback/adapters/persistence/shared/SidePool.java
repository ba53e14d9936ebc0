package dev.scrollback.adapters.persistence.shared;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * A small connection pool of its own on the event store's database, for tables beside the log (signing keys, the audit
 * chain): the embedded store's URL exactly (H2 shares one open database among all connections of a process that name
 * it), or PostgreSQL's. Its tables are made when it opens, in one transaction; on PostgreSQL under an advisory lock,
 * since instances starting at once would otherwise race in {@code CREATE TABLE IF NOT EXISTS} (the loser fails on the
 * catalog's unique index). A failure closes the pool and says which tables.
 */
public record SidePool(HikariDataSource pool, boolean postgres) {
    /** Held while any side pool makes its tables ("SCSIDE"): creating tables is rare and quick, so one lock serves all. */
    private static final long CREATE_LOCK = 0x5343_5349_4445L;

    /** Makes what the pool's owner keeps, on a connection of the new pool, inside the transaction {@link #open} commits. */
    @FunctionalInterface
    public interface Tables {
        void create(Connection connection, boolean postgres) throws SQLException;
    }

    /** Opens a pool named {@code name} (two connections) for {@code what}, and makes its tables with {@code tables}. */
    public static SidePool open(StoreSettings settings, String name, String what, Tables tables) {
        var config = new HikariConfig();
        config.setMaximumPoolSize(2);
        config.setConnectionTimeout(10_000);
        boolean postgres;
        switch (settings) {
            case StoreSettings.Embedded embedded -> {
                config.setPoolName(name + "-h2");
                config.setJdbcUrl(embedded.jdbcUrl());
                config.setUsername("sa");
                config.setPassword("");
                postgres = false;
            }
            case StoreSettings.Postgres pg -> {
                config.setPoolName(name + "-pg");
                config.setJdbcUrl(pg.jdbcUrl());
                config.setUsername(pg.user());
                config.setPassword(pg.password());
                postgres = true;
            }
        }
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot open " + what + ": " + e.getMessage(), e);
        }
        try (var connection = pool.getConnection()) {
            create(connection, postgres, tables);
        } catch (SQLException | RuntimeException e) {
            pool.close();
            throw new IllegalStateException("cannot create " + what + ": " + e.getMessage(), e);
        }
        return new SidePool(pool, postgres);
    }

    private static void create(Connection connection, boolean postgres, Tables tables) throws SQLException {
        InTransaction.run(connection, c -> {
            if (postgres) {
                try (var lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                    lock.setLong(1, CREATE_LOCK);
                    lock.execute();
                }
            }
            tables.create(c, postgres);
            return null;
        });
    }
}
