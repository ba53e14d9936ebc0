package dev.scrollback.adapters.persistence.shared;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;

/**
 * Axon's JDBC storage engine on our table ({@code domain_event_entry}, Axon's standard columns) and our codec. It
 * runs without transactions of its own ({@link NoTransactionManager}): appends join the group-commit writer's
 * transaction through {@link ThreadBoundConnections}, and streaming reads use auto-commit pool connections. The one
 * change to Axon's behaviour is the timestamp text ({@link StoredTimestamp}), which keeps nanoseconds.
 */
final class AxonStorageEngine extends JdbcEventStorageEngine {
    static final EventSchema SCHEMA = EventSchema.builder()
            .eventTable(JdbcDialect.TABLE)
            .snapshotTable("snapshot_event_entry")
            .build();

    private final ConnectionProvider connections;

    AxonStorageEngine(ConnectionProvider connections, Serializer serializer) {
        super(JdbcEventStorageEngine.builder()
                .connectionProvider(connections)
                .transactionManager(NoTransactionManager.INSTANCE)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .persistenceExceptionResolver(GroupCommitWriter::isDuplicateKey)
                .schema(SCHEMA)
                .dataType(byte[].class)
                .batchSize(1000));
        this.connections = connections;
    }

    /**
     * Whether other processes may append to the table, so that readers must look for their appends: not to embedded
     * H2, whose files one process holds (the sole writer of {@link JdbcDialect.H2}).
     */
    boolean othersMayAppend() {
        try (var connection = connections.getConnection()) {
            return !"H2".equals(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            return true;                        // then look: a needless look costs little, a missed append a lot
        }
    }

    @Override
    protected void writeTimestamp(PreparedStatement statement, int position, Instant timestamp) throws SQLException {
        statement.setString(position, StoredTimestamp.format(timestamp));
    }
}
