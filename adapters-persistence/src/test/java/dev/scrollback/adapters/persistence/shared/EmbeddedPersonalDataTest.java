package dev.scrollback.adapters.persistence.shared;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.io.TempDir;

/** Erasure that keeps the proof on the embedded default: H2 files under a fresh data directory. */
class EmbeddedPersonalDataTest extends PersonalDataContract {
    @TempDir
    Path dataDirectory;

    @Override
    protected StoreSettings settings() {
        return new StoreSettings.Embedded(dataDirectory);
    }

    @Override
    protected Connection rawConnection() throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + dataDirectory.resolve("events/scrollback") + ";IFEXISTS=TRUE", "sa", "");
    }
}
