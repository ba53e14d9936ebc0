package dev.scrollback.bench;

import dev.scrollback.adapters.persistence.shared.EventStore;
import dev.scrollback.adapters.persistence.shared.StoreSettings;
import dev.scrollback.application.shared.Actor;
import dev.scrollback.application.shared.EventLog;
import dev.scrollback.application.shared.EventMetadata;
import dev.scrollback.application.shared.ExpectedVersion;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.application.shared.StreamAppend;
import dev.scrollback.application.shared.StreamId;
import dev.scrollback.application.shared.UuidV7;
import dev.scrollback.domain.accounts.AccountEvent.LoginSucceeded;
import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.Channel;
import dev.scrollback.domain.shared.Handle;
import dev.scrollback.domain.shared.RemoteAddress;
import dev.scrollback.domain.shared.SessionId;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures the event store against raw JDBC on the same database, in the same run (issue 2, item 11):
 * durable appends per second with one writer and with eight (one event per append, each append waiting for its
 * acknowledgement), and events read per second from position 0 (through the log, deserialized; and through the feed,
 * as stored JSON). The baseline is raw JDBC: batched inserts of 100 rows per commit into a table of the same shape
 * with the same payload, and a full ordered scan.
 *
 * <pre>java -cp "bench/target/bench.jar:bench/target/lib/*" dev.scrollback.bench.EventStoreBenchmark [--events N] [--only h2|postgres]</pre>
 */
public final class EventStoreBenchmark {
    private static final String PG_URL = "jdbc:postgresql://127.0.0.1:5432/test";

    record Figures(String target, double rawBatchedInserts, double rawScan, double oneWriter, double eightWriters,
                   double sixtyFourWriters, double eightWritersBatched, double logRead, double feedRead) {}

    public static void main(String[] args) throws Exception {
        System.setProperty("axoniq.update-checker.disabled", "true");
        int events = 200_000;
        String only = "";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--events" -> events = Integer.parseInt(args[++i]);
                case "--only" -> only = args[++i];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        var results = new ArrayList<Figures>();
        if (!only.equals("postgres")) results.add(runH2(events));
        if (!only.equals("h2")) results.add(runPostgres(events));
        System.out.println();
        System.out.printf(Locale.ROOT, "%-9s %12s %11s %11s %11s %11s %13s %11s %11s%n", "store", "raw batch/s",
                "raw scan/s", "1 writer/s", "8 writers/s", "64 writ./s", "8x100/app./s", "log read/s", "feed read/s");
        for (var f : results) {
            System.out.printf(Locale.ROOT, "%-9s %,12.0f %,11.0f %,11.0f %,11.0f %,11.0f %,13.0f %,11.0f %,11.0f%n", f.target(),
                    f.rawBatchedInserts(), f.rawScan(), f.oneWriter(), f.eightWriters(), f.sixtyFourWriters(),
                    f.eightWritersBatched(), f.logRead(), f.feedRead());
            System.out.printf(Locale.ROOT, "%-9s ratios to raw: appends 8 writers %.2f, 64 writers %.2f, 8x100 per append %.2f;"
                    + " reads feed %.2f, log %.2f%n", "", f.eightWriters() / f.rawBatchedInserts(),
                    f.sixtyFourWriters() / f.rawBatchedInserts(), f.eightWritersBatched() / f.rawBatchedInserts(),
                    f.feedRead() / f.rawScan(), f.logRead() / f.rawScan());
        }
    }

    private static Figures runH2(int events) throws Exception {
        var dir = Files.createTempDirectory("scrollback-bench-h2");
        var rawUrl = "jdbc:h2:file:" + dir.resolve("raw/raw") + ";WRITE_DELAY=0;LAZY_QUERY_EXECUTION=1";
        double rawInsert, rawScan;
        try (var c = DriverManager.getConnection(rawUrl, "sa", "")) {
            rawInsert = rawBatchedInserts(c, events, "BIGINT AUTO_INCREMENT PRIMARY KEY", "BLOB");
            rawScan = rawScan(c);
        }
        return measureStore("h2", new StoreSettings.Embedded(dir.resolve("store")), events, rawInsert, rawScan);
    }

    private static Figures runPostgres(int events) throws Exception {
        var schema = "bench_" + Long.toHexString(System.nanoTime());
        try (var admin = DriverManager.getConnection(PG_URL, "postgres", "")) {
            admin.createStatement().execute("CREATE SCHEMA " + schema + "_raw");
            admin.createStatement().execute("CREATE SCHEMA " + schema);
        }
        try {
            double rawInsert, rawScan;
            try (var c = DriverManager.getConnection(PG_URL + "?currentSchema=" + schema + "_raw", "postgres", "")) {
                rawInsert = rawBatchedInserts(c, events, "BIGSERIAL PRIMARY KEY", "BYTEA");
                rawScan = rawScan(c);
            }
            return measureStore("postgres", new StoreSettings.Postgres(PG_URL + "?currentSchema=" + schema, "postgres", ""),
                    events, rawInsert, rawScan);
        } finally {
            try (var admin = DriverManager.getConnection(PG_URL, "postgres", "")) {
                admin.createStatement().execute("DROP SCHEMA " + schema + "_raw CASCADE");
                admin.createStatement().execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    // ---- raw JDBC baseline ------------------------------------------------------------------------------------------

    private static double rawBatchedInserts(Connection c, int rows, String idColumn, String blob) throws SQLException {
        try (var s = c.createStatement()) {
            s.execute("CREATE TABLE raw_event (global_index " + idColumn + ", event_identifier VARCHAR(255) NOT NULL UNIQUE,"
                    + " aggregate_identifier VARCHAR(255) NOT NULL, sequence_number BIGINT NOT NULL, type VARCHAR(255),"
                    + " time_stamp VARCHAR(255) NOT NULL, payload_type VARCHAR(255) NOT NULL, payload_revision VARCHAR(255),"
                    + " payload " + blob + " NOT NULL, meta_data " + blob + ", UNIQUE (aggregate_identifier, sequence_number))");
        }
        c.setAutoCommit(false);
        var payload = samplePayload();
        var meta = sampleMetadata();
        var sql = "INSERT INTO raw_event (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,"
                + " payload_type, payload_revision, payload, meta_data) VALUES (?,?,?,?,?,?,?,?,?)";
        int warmup = Math.max(1000, rows / 10);
        long start = 0;
        try (var insert = c.prepareStatement(sql)) {
            for (int i = 0; i < warmup + rows; i++) {
                if (i == warmup) start = System.nanoTime();
                insert.setString(1, UuidV7.next().toString());
                insert.setString(2, "session-" + UuidV7.next());
                insert.setLong(3, 0);
                insert.setString(4, "session");
                insert.setString(5, Instant.now().toString());
                insert.setString(6, "LoginSucceeded");
                insert.setString(7, "1");
                insert.setBytes(8, payload);
                insert.setBytes(9, meta);
                insert.addBatch();
                if ((i + 1) % 100 == 0) {
                    insert.executeBatch();
                    c.commit();
                }
            }
            insert.executeBatch();
            c.commit();
        }
        c.setAutoCommit(true);
        return rate(rows, start, "raw JDBC batched inserts (100 rows per commit)");
    }

    private static double rawScan(Connection c) throws SQLException {
        c.setAutoCommit(false);                               // PostgreSQL streams with a fetch size only in a transaction
        long rows = 0;
        long start = System.nanoTime();
        try (var s = c.prepareStatement("SELECT global_index, event_identifier, aggregate_identifier, sequence_number,"
                + " time_stamp, payload_type, payload_revision, payload, meta_data FROM raw_event ORDER BY global_index")) {
            s.setFetchSize(1000);
            try (var r = s.executeQuery()) {
                while (r.next()) {
                    r.getLong(1);
                    r.getString(2);
                    r.getString(3);
                    r.getLong(4);
                    r.getString(5);
                    r.getString(6);
                    r.getString(7);
                    r.getBytes(8);
                    r.getBytes(9);
                    rows++;
                }
            }
        }
        c.commit();
        c.setAutoCommit(true);
        return rate(rows, start, "raw JDBC ordered scan");
    }

    // ---- the store --------------------------------------------------------------------------------------------------

    private static Figures measureStore(String target, StoreSettings settings, int events, double rawInsert, double rawScan)
            throws Exception {
        System.out.printf(Locale.ROOT, "%n== %s ==%n", target);
        double one, eight, sixtyFour, batched, logRead, feedRead;
        try (var store = EventStore.open(settings)) {
            var log = store.eventLog();
            appendConcurrently(log, 8, 1, Math.max(2000, events / 10), null);                    // warm-up
            one = appendConcurrently(log, 1, 1, Math.max(2000, events / 10), "1 writer, 1 event per append");
            eight = appendConcurrently(log, 8, 1, events, "8 writers, 1 event per append");
            sixtyFour = appendConcurrently(log, 64, 1, events, "64 writers, 1 event per append");
            batched = appendConcurrently(log, 8, 100, events, "8 writers, 100 events per append");
            logRead = readLog(log);
            feedRead = readFeed(store);
        }
        return new Figures(target, rawInsert, rawScan, one, eight, sixtyFour, batched, logRead, feedRead);
    }

    private static double appendConcurrently(EventLog log, int writers, int perAppend, int total, String label)
            throws Exception {
        var done = new CountDownLatch(writers);
        var failures = new AtomicLong();
        int each = total / writers / perAppend;
        var threads = new ArrayList<Thread>();
        for (int w = 0; w < writers; w++) {
            threads.add(Thread.ofPlatform().unstarted(() -> {
                try {
                    for (int i = 0; i < each; i++) {
                        var session = new SessionId(UuidV7.next());
                        var account = new AccountId(UuidV7.next());
                        var at = Instant.now();
                        var event = new LoginSucceeded(account, new Handle("caller" + (i % 1000)), session, at);
                        log.append(new StreamAppend(StreamId.of("bench", session), ExpectedVersion.noStream(),
                                        java.util.Collections.nCopies(perAppend, event)),
                                new EventMetadata(Actor.user(account, event.handle()),
                                        new Origin(Channel.TELNET, Optional.of(new RemoteAddress("127.0.0.1")), Optional.of(session)),
                                        at, UuidV7.next(), Optional.empty()));
                    }
                } catch (RuntimeException e) {
                    failures.incrementAndGet();
                    e.printStackTrace();
                } finally {
                    done.countDown();
                }
            }));
        }
        long start = System.nanoTime();
        threads.forEach(Thread::start);
        done.await();
        if (failures.get() > 0) throw new IllegalStateException(failures.get() + " writer(s) failed");
        return label == null ? 0 : rate((long) each * writers * perAppend, start, label);
    }

    private static double readLog(EventLog log) {
        long after = 0, count = 0;
        long start = System.nanoTime();
        while (true) {
            var page = log.readAfter(after, 1000);
            if (page.isEmpty()) break;
            count += page.size();
            after = page.getLast().position();
        }
        return rate(count, start, "read from position 0 through EventLog.readAfter (deserialized events)");
    }

    private static double readFeed(EventStore store) {
        long after = 0, count = 0, bytes = 0;
        long start = System.nanoTime();
        while (true) {
            var page = store.eventFeed().after(after, 1000);
            if (page.isEmpty()) break;
            count += page.size();
            for (var item : page) bytes += item.data().value().length();
            after = page.getLast().position();
        }
        if (bytes == 0) throw new IllegalStateException("empty feed");
        return rate(count, start, "read from position 0 through EventFeed.after (stored JSON)");
    }

    // ---- sample data and arithmetic ---------------------------------------------------------------------------------

    private static byte[] samplePayload() {
        return ("{\"account\":\"" + UuidV7.next() + "\",\"handle\":\"caller42\",\"session\":\"" + UuidV7.next()
                + "\",\"at\":\"" + Instant.now() + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] sampleMetadata() {
        return ("{\"actor\":{\"kind\":\"user\",\"id\":\"" + UuidV7.next() + "\",\"handle\":\"caller42\"},\"origin\":"
                + "{\"channel\":\"telnet\",\"address\":\"127.0.0.1\",\"sessionId\":\"" + UuidV7.next() + "\"},"
                + "\"correlationId\":\"" + UuidV7.next() + "\",\"causationId\":null}").getBytes(StandardCharsets.UTF_8);
    }

    private static double rate(long count, long startNanos, String label) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        double perSecond = count / seconds;
        System.out.printf(Locale.ROOT, "  %-75s %,10d in %6.2f s = %,12.0f /s%n", label, count, seconds, perSecond);
        return perSecond;
    }

}
