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

        /** The directory of the H2 files. */
        public Path eventsDirectory() {
            return dataDirectory.resolve("events").toAbsolutePath().normalize();
        }

        /**
         * The one JDBC URL of the embedded database (the event store and the signing keys open the same file, so with
         * the same settings). WRITE_DELAY=0: a commit is written to the file before it returns, so kill -9 loses no
         * acknowledged append (STACK.md). LAZY_QUERY_EXECUTION: scans stream rows instead of materialising the result.
         * CACHE_SIZE (KB): H2's page cache would otherwise take 64 MB per GB of heap; every commit replaces pages in it,
         * and with a large cache the replaced ones live long enough to be copied by young collections again and again
         * (the pauses that set the fan-out's p99, docs/benchmarks.md). The log is read mostly at its end anyway.
         */
        public String jdbcUrl() {
            var directory = eventsDirectory();
            if (directory.toString().contains(";")) throw new IllegalArgumentException("the data directory may not contain ';'");
            return "jdbc:h2:file:" + directory.resolve("scrollback")
                    + ";WRITE_DELAY=0;LAZY_QUERY_EXECUTION=1;DB_CLOSE_ON_EXIT=FALSE;CACHE_SIZE=16384";
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
