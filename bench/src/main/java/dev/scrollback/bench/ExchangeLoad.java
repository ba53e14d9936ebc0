package dev.scrollback.bench;

import dev.scrollback.adapters.persistence.audit.CheckpointKey;
import dev.scrollback.adapters.persistence.audit.JdbcAuditChain;
import dev.scrollback.adapters.persistence.exchange.LogExport;
import dev.scrollback.adapters.persistence.exchange.LogImport;
import dev.scrollback.adapters.persistence.shared.EventStore;
import dev.scrollback.adapters.persistence.shared.StoreSettings;
import dev.scrollback.application.exchange.ExportFormat;
import dev.scrollback.application.shared.Actor;
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
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Optional;

/**
 * Issue 7 items 5 and 8 on the embedded store: fills a fresh H2 store with N events (LoginSucceeded, 100 to a stream,
 * 1,000 to an append), then times, each once, sealing the hash chain, {@code verify-audit}'s walk, exporting as NDJSON
 * and as CloudEvents to a file, and importing the NDJSON into a second fresh store; checks that the import's export is
 * the same bytes and that its chain verifies. Prints events/s for each.
 *
 * <pre>bench/run verify [--events 1000000] [--dir DIR]</pre>
 */
public final class ExchangeLoad {
    public static void main(String[] args) throws Exception {
        long events = 1_000_000;
        Path dir = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--events" -> events = Long.parseLong(args[++i].replace("_", "").replace(",", ""));
                case "--dir" -> dir = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i] + " (--events N, --dir DIR)");
            }
        }
        if (dir == null) dir = Files.createTempDirectory("scrollback-exchange-bench");
        System.out.printf(Locale.ROOT, "exchange benchmark: %,d events, embedded H2 under %s%n", events, dir);
        var source = new StoreSettings.Embedded(dir.resolve("source"));
        var copy = new StoreSettings.Embedded(dir.resolve("copy"));
        var ndjson = dir.resolve("export.ndjson");
        var cloudevents = dir.resolve("export.cloudevents.jsonl");
        try (var store = EventStore.open(source)) {
            long start = System.nanoTime();
            fill(store, events);
            report("fill (appends of 1,000)", events, start);
            try (var chain = JdbcAuditChain.open(source, store.storedRecords(), CheckpointKey.inDataDirectory(dir.resolve("source")),
                    Clock.systemUTC())) {
                start = System.nanoTime();
                long sealed = chain.seal();
                report("seal (hash chain + checkpoints)", sealed, start);
                start = System.nanoTime();
                var verified = chain.verify();
                if (!verified.verified()) throw new IllegalStateException("did not verify: " + verified);
                report("verify-audit walk", verified.events(), start);
            }
            for (var format : ExportFormat.values()) {
                var file = format == ExportFormat.NDJSON ? ndjson : cloudevents;
                start = System.nanoTime();
                try (var out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                    LogExport.write(store.storedRecords(), 0, format, out);
                }
                report("export " + format.wireName() + " to a file (" + Files.size(file) / (1 << 20) + " MiB)", events, start);
            }
        }
        try (var store = EventStore.open(copy)) {
            long start = System.nanoTime();
            try (var in = new BufferedInputStream(Files.newInputStream(ndjson), 1 << 16)) {
                var imported = LogImport.read(in, Optional.of(ExportFormat.NDJSON), store);
                report("import ndjson into a fresh store", imported.events(), start);
            }
            try (var chain = JdbcAuditChain.open(copy, store.storedRecords(), CheckpointKey.inDataDirectory(dir.resolve("copy")),
                    Clock.systemUTC())) {
                start = System.nanoTime();
                report("seal the import", chain.seal(), start);
                if (!chain.verify().verified()) throw new IllegalStateException("the import does not verify");
            }
            var again = dir.resolve("again.ndjson");
            try (var out = new BufferedOutputStream(Files.newOutputStream(again), 1 << 16)) {
                LogExport.write(store.storedRecords(), 0, ExportFormat.NDJSON, out);
            }
            if (Files.mismatch(ndjson, again) != -1) throw new IllegalStateException("the import's export differs from the original's");
            System.out.println("the import's export is byte for byte the original's, and its chain verifies");
        }
        try (var store = EventStore.open(new StoreSettings.Embedded(dir.resolve("copy-ce")))) {
            long start = System.nanoTime();
            try (var in = new BufferedInputStream(Files.newInputStream(cloudevents), 1 << 16)) {
                report("import cloudevents into a fresh store", LogImport.read(in, Optional.empty(), store).events(), start);
            }
        }
    }

    private static void fill(EventStore store, long events) {
        var log = store.eventLog();
        var at = Instant.parse("2026-11-25T00:00:00Z");
        for (long done = 0; done < events; ) {
            var appends = new ArrayList<StreamAppend>();
            var account = new AccountId(UuidV7.next());
            var handle = new Handle("caller" + (done / 1000 % 1000));
            var session = new SessionId(UuidV7.next());
            int inCall = (int) Math.min(1000, events - done);
            for (int s = 0; s < inCall; s += 100) {
                var event = new LoginSucceeded(account, handle, session, at.plusMillis(done + s));
                appends.add(new StreamAppend(StreamId.of("bench", UuidV7.next()), ExpectedVersion.noStream(),
                        java.util.Collections.nCopies(Math.min(100, inCall - s), event)));
            }
            log.append(appends, new EventMetadata(Actor.user(account, handle),
                    new Origin(Channel.TELNET, Optional.of(new RemoteAddress("127.0.0.1")), Optional.of(session)),
                    at.plusMillis(done), UuidV7.next(), Optional.empty()));
            done += inCall;
        }
    }

    private static void report(String what, long events, long startNanos) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        System.out.printf(Locale.ROOT, "%-48s %,12d events in %7.1f s = %,10.0f events/s%n", what, events, seconds, events / seconds);
    }
}
