package dev.scrollback.adapters.persistence.shared;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.ConnectionWrapperFactory;

/**
 * Hands Axon's storage engine a connection. On the group-commit writer thread it is the writer's own connection,
 * inside the writer's open transaction (and Axon's "close" does not close it), so that Axon's insert joins the
 * transaction in which the writer locked, checked versions and will commit. Everywhere else (Axon's streaming reads)
 * it is a fresh connection from the pool.
 */
final class ThreadBoundConnections implements ConnectionProvider {
    private final DataSource pool;
    private final ThreadLocal<Connection> bound = new ThreadLocal<>();

    ThreadBoundConnections(DataSource pool) {
        this.pool = pool;
    }

    /** Until {@link #unbind()}, Axon on this thread works inside {@code connection}'s transaction. */
    void bind(Connection connection) {
        bound.set(ConnectionWrapperFactory.wrap(connection, new ConnectionWrapperFactory.NoOpCloseHandler()));
    }

    void unbind() {
        bound.remove();
    }

    @Override
    public Connection getConnection() throws SQLException {
        var connection = bound.get();
        return connection != null ? connection : pool.getConnection();
    }
}
