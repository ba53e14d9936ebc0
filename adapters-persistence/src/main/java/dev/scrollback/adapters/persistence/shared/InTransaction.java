package dev.scrollback.adapters.persistence.shared;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * One transaction on a connection of a pool: committed when the work returns, rolled back when it throws (whatever it
 * throws), and the connection left in auto-commit for its next user either way.
 */
public final class InTransaction {
    private InTransaction() {}

    /** What runs inside the transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    public static <T> T run(Connection connection, Work<T> work) throws SQLException {
        connection.setAutoCommit(false);
        try {
            var result = work.run(connection);
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException | Error e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }
}
