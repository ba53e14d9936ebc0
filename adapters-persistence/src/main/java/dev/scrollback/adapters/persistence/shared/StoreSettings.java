package dev.scrollback.adapters.persistence.shared;

import java.nio.file.Path;
import java.util.Objects;

/** Where the event store lives: embedded on disk (the default, SPEC §4) or in PostgreSQL. */
public sealed interface StoreSettings {

    /** H2 files under {@code <dataDirectory>/events/}; one process at a time. */
    record Embedded(Path dataDirectory) implements StoreSettings {
        public Embedded {
            Objects.requireNonNull(dataDirectory, "dataDirectory");
        }
    }

    /** A PostgreSQL database; several instances may share it. */
    record Postgres(String jdbcUrl, String user, String password) implements StoreSettings {
        public Postgres {
            Objects.requireNonNull(jdbcUrl, "jdbcUrl");
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(password, "password");
            if (!jdbcUrl.startsWith("jdbc:postgresql:")) throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + jdbcUrl);
        }

        @Override
        public String toString() {
            return "Postgres[jdbcUrl=" + jdbcUrl + ", user=" + user + ", password=***]";
        }
    }
}
