package dev.scrollback.bench;

import dev.scrollback.adapters.persistence.boards.LuceneMessageIndex;
import dev.scrollback.adapters.persistence.shared.EventStore;
import dev.scrollback.adapters.persistence.shared.Replay;
import dev.scrollback.adapters.persistence.shared.StoreSettings;
import dev.scrollback.application.accounts.AccountDirectory;
import dev.scrollback.application.accounts.ApiKeyIndex;
import dev.scrollback.application.accounts.PasswordResetIndex;
import dev.scrollback.application.audit.AuditTrail;
import dev.scrollback.application.boards.Boards;
import dev.scrollback.application.boards.MessageSearchFeed;
import dev.scrollback.application.chat.ChatRooms;
import dev.scrollback.application.mail.Mailboxes;
import dev.scrollback.application.plugins.Plugins;
import dev.scrollback.application.presence.OnlineCallers;
import dev.scrollback.bootstrap.ProjectionCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Issue 7 item 8: replay throughput. Fills an embedded H2 store on disk with {@code --events} realistic events (a few
 * thousand accounts, boards and rooms, then a mix of board messages, chat lines, logins with their sessions and some
 * mail), then rebuilds every projection from position 0 into fresh states ({@link Replay}: each page read and decoded
 * once for all of them) and prints events/s overall, the time spent reading and decoding, and each projection's apply
 * time ({@code --projections a,b} replays only those). {@code --repeat N} replays N times (the first warms the JIT); {@code --dir D} keeps the store there, and fills it
 * only when it is empty, so a second run replays the same log.
 */
public final class ReplayBenchmark {
    private ReplayBenchmark() {}

    public static void main(String[] args) throws Exception {
        int events = 1_000_000;
        int repeat = 3;
        Path dir = null;
        Set<String> only = Set.of();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--events" -> events = Integer.parseInt(args[++i]);
                case "--repeat" -> repeat = Integer.parseInt(args[++i]);
                case "--dir" -> dir = Path.of(args[++i]);
                case "--projections" -> only = Set.of(args[++i].split(","));
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (--events N, --repeat N, --dir D, --projections a,b)");
            }
        }
        if (dir == null) dir = Files.createTempDirectory("scrollback-replay-bench");
        try (var store = EventStore.open(new StoreSettings.Embedded(dir))) {
            var log = store.eventLog();
            if (log.lastPosition() == 0) {
                long started = System.nanoTime();
                LogFill.fill(log, events);
                System.out.printf(Locale.ROOT, "filled %s with %,d events in %.1f s%n", dir, log.lastPosition(),
                        (System.nanoTime() - started) / 1e9);
            }
            for (int run = 1; run <= repeat; run++) {
                var chosen = only;
                var projections = fresh().stream().filter(p -> chosen.isEmpty() || chosen.contains(p.name())).toList();
                var report = Replay.all(log, projections, at -> { });
                print(run, report);
            }
        }
    }

    /** New, empty projections, as the server wires them (the plugin runtime is not part of a replay). */
    private static List<dev.scrollback.adapters.persistence.shared.Projection<?>> fresh() {
        return ProjectionCatalog.of(new OnlineCallers(), new AccountDirectory(), new PasswordResetIndex(), new Boards(),
                new MessageSearchFeed(new LuceneMessageIndex()), new Mailboxes(), new ChatRooms(), new ApiKeyIndex(),
                new AuditTrail(), new dev.scrollback.application.history.BoardThreads(), new Plugins(), event -> { });
    }

    private static void print(int run, Replay.Report report) {
        double seconds = report.took().toNanos() / 1e9;
        System.out.printf(Locale.ROOT, "run %d: %,d events replayed into %d projections in %.2f s: %,.0f events/s "
                        + "(reading and decoding %.2f s; snapshots afterwards %.2f s)%n", run, report.events(),
                report.projections().size(), seconds, report.eventsPerSecond(), report.reading().toNanos() / 1e9,
                report.snapshots().toNanos() / 1e9);
        for (var p : report.projections()) {
            double applying = p.applying().toNanos() / 1e9;
            System.out.printf(Locale.ROOT, "  %-18s %,10d events applied in %6.2f s (%,12.0f /s); alone with the reads: %,10.0f events/s; %,d lines%n",
                    p.name(), p.applied(), applying, applying > 0 ? p.applied() / applying : 0,
                    report.events() / ((report.reading().toNanos() + p.applying().toNanos()) / 1e9), p.snapshot().size());
        }
    }

}
