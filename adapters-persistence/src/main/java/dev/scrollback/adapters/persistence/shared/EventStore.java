package dev.scrollback.adapters.persistence.shared;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.scrollback.application.feed.EventFeed;
import dev.scrollback.application.live.LiveSource;
import dev.scrollback.application.shared.EventLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The event store (SPEC §3) on Axon Framework's JDBC storage: embedded H2 under the data directory by default, or
 * PostgreSQL. Opening it creates the table if missing; it hands out the application's {@link EventLog} and
 * {@link EventFeed} ports, and Axon's storage engine for {@link Projections}. Closing it writes every append already
 * accepted, ends subscriptions, and releases the database.
 */
public final class EventStore implements AutoCloseable {
    /** Axon 4's update checker phones home; it only starts with Axon's Configurer, which we do not use, but say no anyway. */
    private static final String AXON_UPDATE_CHECK_DISABLED = "axoniq.update-checker.disabled";
    /** H2 lets one process hold the files; this stops a second store in the same process. */
    private static final Set<Path> OPEN_EMBEDDED = ConcurrentHashMap.newKeySet();

    private final HikariDataSource pool;
    private final Path embeddedDirectory;                  // null for PostgreSQL
    private final AxonStorageEngine engine;
    private final GroupCommitWriter writer;
    private final AxonEventLog log;
    private final EventFeed feed;
    private final StoredEventReader reader;
    private final AppendSignal appended;
    private final RecordImport importer;
    private final SidePool keyPool;
    private final DataKeys dataKeys;
    private final SealMigration migration;
    private volatile boolean open = true;

    private EventStore(HikariDataSource pool, Path embeddedDirectory, JdbcDialect dialect, EventJson clearEvents, SidePool keyPool) {
        this.pool = pool;
        this.embeddedDirectory = embeddedDirectory;
        this.keyPool = keyPool;
        // Personal data is sealed under per-owner keys beside the events, opened on every read (decision 0021)
        this.dataKeys = new DataKeys(keyPool.pool(), keyPool.postgres());
        var cipher = new PersonalCipher(dataKeys);
        var events = clearEvents.sealedWith(cipher);
        var envelopes = new EnvelopeJson(EventJson.mapper(), Optional.of(cipher));
        this.migration = new SealMigration(pool, keyPool.postgres(), envelopes, cipher);
        var serializer = new AxonEventSerializer(events, envelopes);
        var connections = new ThreadBoundConnections(pool);
        this.appended = new AppendSignal();
        var reader = new StoredEventReader(pool, events, envelopes);
        this.reader = reader;
        this.engine = new AxonStorageEngine(connections, serializer);
        this.writer = new GroupCommitWriter(pool, dialect, connections, engine, serializer, events.catalog(), appended, cipher);
        this.log = new AxonEventLog(writer, reader, appended);
        this.feed = reader::feedAfter;
        this.importer = new RecordImport(pool, dialect, events);
    }

    /** Opens (and if need be creates) the store. */
    public static EventStore open(StoreSettings settings) {
        return open(settings, EventJson.standard());
    }

    static EventStore open(StoreSettings settings, EventJson events) {
        if (System.getProperty(AXON_UPDATE_CHECK_DISABLED) == null) System.setProperty(AXON_UPDATE_CHECK_DISABLED, "true");
        return switch (settings) {
            case StoreSettings.Embedded embedded -> openEmbedded(embedded, events);
            case StoreSettings.Postgres postgres -> openPostgres(postgres, events);
        };
    }

    private static EventStore openEmbedded(StoreSettings.Embedded settings, EventJson events) {
        var directory = settings.eventsDirectory();
        var url = settings.jdbcUrl();
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the event store directory " + directory, e);
        }
        if (!OPEN_EMBEDDED.add(directory)) {
            throw new IllegalStateException("the embedded event store in " + directory + " is already open in this process");
        }
        try {
            var config = config("scrollback-events-h2", 16);
            config.setJdbcUrl(url);
            config.setUsername("sa");
            config.setPassword("");
            var pool = connect(config, directory);
            return create(settings, pool, directory, new JdbcDialect.H2(), events);
        } catch (RuntimeException e) {
            OPEN_EMBEDDED.remove(directory);
            throw e;
        }
    }

    private static EventStore openPostgres(StoreSettings.Postgres settings, EventJson events) {
        var config = config("scrollback-events-pg", 10);
        config.setJdbcUrl(settings.jdbcUrl());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.addDataSourceProperty("reWriteBatchedInserts", "true");     // a batch of inserts becomes multi-row INSERTs
        var pool = connect(config, null);
        try (var connection = pool.getConnection()) {
            return create(settings, pool, null, JdbcDialect.Postgres.of(connection), events);
        } catch (SQLException | RuntimeException e) {
            pool.close();
            throw new IllegalStateException("cannot open the event store in PostgreSQL at " + settings.jdbcUrl() + ": " + e.getMessage(), e);
        }
    }

    private static HikariConfig config(String name, int size) {
        var config = new HikariConfig();
        config.setPoolName(name);
        config.setMaximumPoolSize(size);
        config.setConnectionTimeout(10_000);
        return config;
    }

    private static HikariDataSource connect(HikariConfig config, Path embeddedDirectory) {
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            if (embeddedDirectory != null && inUse(e)) {
                throw new IllegalStateException("the embedded event store in " + embeddedDirectory + " is in use by another "
                        + "process (is another Scrollback running on this data directory?); stop it or choose another data directory", e);
            }
            throw new IllegalStateException("cannot connect to the event store: " + e.getMessage(), e);
        }
    }

    /** H2's "Database may be already in use" (error 90020). */
    private static boolean inUse(Throwable failure) {
        for (var t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == 90020) return true;
        }
        return false;
    }

    private static EventStore create(StoreSettings settings, HikariDataSource pool, Path embeddedDirectory, JdbcDialect dialect,
                                     EventJson events) {
        try (var connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            dialect.createTable(connection);
            connection.commit();
        } catch (SQLException e) {
            pool.close();
            throw new IllegalStateException("cannot create the event table: " + e.getMessage(), e);
        }
        SidePool keyPool;
        try {
            keyPool = SidePool.open(settings, "scrollback-data-keys", "the data key table", DataKeys::createTable);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        var store = new EventStore(pool, embeddedDirectory, dialect, events, keyPool);
        try {
            store.migration.run();
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        return store;
    }

    public EventLog eventLog() {
        return log;
    }

    /** The feed: stored JSON as is, secrets removed (SPEC §3, §4). */
    public EventFeed eventFeed() {
        return feed;
    }

    /** The rows as stored, every column, a page at a time: what the hash chain covers (decision 0020). */
    public StoredRecords storedRecords() {
        return reader::storedAfter;
    }

    /**
     * Writes an export's rows back as they were, into this store only if it is empty (decision 0023); all or nothing.
     *
     * @throws RecordImport.Refused naming the line and the reason; nothing was written
     */
    public RecordImport.Imported importRecords(RecordImport.Source source) {
        if (!open) throw new IllegalStateException("the event store is closed");
        return importer.run(source);
    }

    /**
     * Writes the personal-data keys (decision 0021), one JSON line each, for a backup beside an event export, which
     * leaves them out on purpose: whoever holds both reads every personal value not erased. Returns the rows written.
     */
    public long exportDataKeys(java.io.OutputStream out) {
        if (!open) throw new IllegalStateException("the event store is closed");
        return dataKeys.exportTo(out);
    }

    /**
     * Reads keys written by {@link #exportDataKeys} into this store's empty key table, all or nothing, so that an
     * imported log's personal values open again (and erased accounts stay erased).
     *
     * @throws RecordImport.Refused naming the first bad line, or when the table is not empty; nothing was written
     */
    public long importDataKeys(java.io.InputStream in) {
        if (!open) throw new IllegalStateException("the event store is closed");
        return dataKeys.importFrom(in);
    }

    /** The log for live connections: each event with its public view (see {@link dev.scrollback.application.live.LiveHub}). */
    public LiveSource liveSource() {
        return log.liveSource();
    }

    /**
     * Cross-instance wake-up: {@code afterCommit} runs on the writer's thread after each commit of this process (and,
     * harmlessly, when a follower closes); it must not block. Used to tell other instances sharing the store.
     */
    public void afterEachCommit(Runnable afterCommit) {
        appended.afterEachSignal(afterCommit);
    }

    /**
     * Another instance says it committed: live followers read now instead of at their next poll. Only a hint; they
     * read by position either way, so a missed hint never loses an event.
     */
    public void appendedElsewhere() {
        appended.signalFromElsewhere();
    }

    public boolean isOpen() {
        return open;
    }

    /** For {@link Projections}: Axon's engine, the message source of its streaming processors. */
    AxonStorageEngine storageEngine() {
        return engine;
    }

    /** Writes every append already accepted, ends subscriptions, then closes the database. */
    @Override
    public synchronized void close() {
        if (!open) return;
        open = false;
        try {
            writer.close();
            log.closeSubscriptions();
        } finally {
            keyPool.pool().close();
            pool.close();
            if (embeddedDirectory != null) OPEN_EMBEDDED.remove(embeddedDirectory);
        }
    }
}
