package dev.scrollback.adapters.persistence.shared;

import static dev.scrollback.adapters.persistence.shared.SampleEvents.metadata;
import static dev.scrollback.adapters.persistence.shared.SampleEvents.verified;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.application.shared.ExpectedVersion;
import dev.scrollback.application.shared.StreamAppend;
import dev.scrollback.application.shared.StreamId;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract on PostgreSQL, each test in a schema of its own. Fails (never skips) when PostgreSQL is unreachable. */
class PostgresEventLogTest extends EventLogContract {
    private PostgresSchema schema;

    @BeforeEach
    void createSchema() throws SQLException {
        schema = new PostgresSchema();
    }

    @AfterEach
    void dropSchema() throws SQLException {
        closeStores();
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

    /** PostgreSQL refuses NUL in text, which a stream id may hold: the batch it lands in fails and is retried call by call. */
    @Test
    void an_append_the_database_refuses_fails_alone_and_not_its_batch() throws Exception {
        var log = open().eventLog();
        var outcomes = new ConcurrentHashMap<Integer, Object>();
        run(16, t -> {
            var stream = t == 7 ? StreamId.of("account", "bad\u0000id") : StreamId.of("account", UUID.randomUUID());
            try {
                outcomes.put(t, log.append(new StreamAppend(stream, ExpectedVersion.noStream(), List.of(verified(t))), metadata()));
            } catch (RuntimeException e) {
                outcomes.put(t, e);
            }
        });
        assertThat(outcomes.get(7)).isInstanceOf(IllegalStateException.class);
        outcomes.remove(7);
        assertThat(outcomes.values()).hasSize(15).allMatch(outcome -> outcome instanceof List<?>);
        assertThat(readAll(log)).hasSize(15);
    }
}
