package dev.scrollback.bootstrap;

import dev.scrollback.adapters.persistence.shared.StoreSettings;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.core.env.StandardEnvironment;

/**
 * What {@code export} and {@code import} share: they open the store on their own rather than through the application
 * context, since they need neither the projections (a replay of the whole log before the first line) nor the rest of
 * the wiring; the settings are the server's own (SCROLLBACK_DATA_DIR, SCROLLBACK_DB_URL, ...).
 */
final class ExchangeCommands {
    private ExchangeCommands() {}

    /**
     * The settings from the environment, with the libraries' logging silenced: standard output may carry the export,
     * and without the application context nothing else would configure the logger (its default writes to standard
     * output). The commands say what went wrong themselves.
     */
    static Settings settings() {
        LoggingSystem.get(ExchangeCommands.class.getClassLoader()).beforeInitialize();
        System.setProperty("axoniq.update-checker.disabled", "true");
        return Settings.from(new StandardEnvironment());
    }

    static StoreSettings store(Settings settings) {
        return settings.database()
                .<StoreSettings>map(db -> new StoreSettings.Postgres(db.url(), db.user(), db.password()))
                .orElseGet(() -> new StoreSettings.Embedded(settings.dataDirectory()));
    }

    /** Where the store is, for messages. */
    static String describe(Settings settings) {
        return settings.database().map(db -> "the database at " + db.url())
                .orElseGet(() -> "the data directory " + settings.dataDirectory());
    }
}
