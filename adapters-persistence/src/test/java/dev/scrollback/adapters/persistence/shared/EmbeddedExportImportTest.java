package dev.scrollback.adapters.persistence.shared;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Export and import on the embedded default: each store is H2 files under a data directory of its own. */
class EmbeddedExportImportTest extends ExportImportContract {
    @TempDir
    Path data;

    @Override
    protected StoreSettings settings(String which) {
        return new StoreSettings.Embedded(data.resolve(which));
    }
}
