package dev.scrollback.adapters.persistence.webhooks;

import dev.scrollback.adapters.persistence.shared.StoreSettings;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The contract on the embedded default: the event store's H2 files under a fresh data directory. */
class EmbeddedWebhookStoreTest extends WebhookStoreContract {
    @TempDir
    Path dataDirectory;

    @Override
    protected StoreSettings settings() {
        return new StoreSettings.Embedded(dataDirectory);
    }
}
