package dev.scrollback.adapters.persistence.shared;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;

/** Export and import on PostgreSQL, each store in a schema of its own. Fails (never skips) when PostgreSQL is unreachable. */
class PostgresExportImportTest extends ExportImportContract {
    private final Map<String, PostgresSchema> schemas = new HashMap<>();

    @Override
    protected StoreSettings settings(String which) throws SQLException {
        var schema = schemas.get(which);
        if (schema == null) {
            schema = new PostgresSchema();
            schemas.put(which, schema);
        }
        return schema.settings();
    }

    @AfterEach
    void dropSchemas() throws Exception {
        closeAll();
        for (var schema : schemas.values()) schema.close();
    }
}
