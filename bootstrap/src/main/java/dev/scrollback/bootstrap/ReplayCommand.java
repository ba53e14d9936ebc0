package dev.scrollback.bootstrap;

import dev.scrollback.adapters.persistence.shared.EventStore;
import dev.scrollback.adapters.persistence.shared.Projection;
import dev.scrollback.adapters.persistence.shared.Projections;
import dev.scrollback.adapters.persistence.shared.Replay;
import dev.scrollback.application.accounts.AccountDirectory;
import dev.scrollback.application.accounts.ApiKeyIndex;
import dev.scrollback.application.accounts.PasswordResetIndex;
import dev.scrollback.application.audit.AuditTrail;
import dev.scrollback.application.history.BoardThreads;
import dev.scrollback.application.boards.Boards;
import dev.scrollback.application.boards.MessageSearchFeed;
import dev.scrollback.application.chat.ChatRooms;
import dev.scrollback.application.mail.Mailboxes;
import dev.scrollback.application.plugins.Plugins;
import dev.scrollback.application.presence.OnlineCallers;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * {@code java -jar scrollback.jar replay [--projection NAME]}: rebuilds every projection (or one) from position 0 into
 * fresh states, reading and decoding the log once for all of them, and prints the events per second, each projection's
 * share of the time and its snapshot's digest, and whether the rebuilt state is identical to the one the processors
 * built at start. Exit 0 when all are identical, 1 when one differs or cannot apply an event. On the embedded store,
 * run it while the server is stopped (the store is one process's); it asks for no credential, like {@code audit}.
 */
final class ReplayCommand {
    private ReplayCommand() {}

    static int run(String[] args, PrintStream out, PrintStream err, ToIntFunction<String> usage) {
        String only = null;
        for (int i = 0; i < args.length; i++) {
            if (!args[i].equals("--projection") || i + 1 >= args.length) {
                return usage.applyAsInt("replay: expected --projection NAME, got " + args[i]);
            }
            if (only != null) return usage.applyAsInt("replay: --projection given twice");
            only = args[++i];
        }
        try (var context = ScrollbackApplication.start(ScrollbackApplication.Mode.ADMIN, Map.of("logging.threshold.console", "OFF"))) {
            context.getBean(Projections.class).awaitCaughtUp(context.getBean(Settings.class).catchUpTimeout());
            List<Projection<?>> all = ProjectionCatalog.of(context.getBean(OnlineCallers.class),
                    context.getBean(AccountDirectory.class), context.getBean(PasswordResetIndex.class),
                    context.getBean(Boards.class), context.getBean(MessageSearchFeed.class), context.getBean(Mailboxes.class),
                    context.getBean(ChatRooms.class), context.getBean(ApiKeyIndex.class), context.getBean(AuditTrail.class),
                    context.getBean(BoardThreads.class), context.getBean(Plugins.class), event -> { });           // a replay starts no plugin
            var chosen = all;
            if (only != null) {
                var name = only;
                chosen = all.stream().filter(p -> p.name().equals(name)).toList();
                if (chosen.isEmpty()) {
                    return usage.applyAsInt("replay: no projection is called " + printable(name) + "; the projections are "
                            + String.join(", ", all.stream().map(Projection::name).toList()));
                }
            }
            var log = context.getBean(EventStore.class).eventLog();
            Replay.Report report;
            try {
                report = Replay.all(log, chosen, at -> { });
            } catch (Replay.ReplayFailed e) {
                err.println("scrollback: " + e.getMessage());
                return 1;
            }
            double seconds = report.took().toNanos() / 1e9;
            out.printf(Locale.ROOT, "replayed %,d events (to position %d) in %.2f s: %,.0f events/s; reading and decoding %.2f s%n",
                    report.events(), report.last(), seconds, report.eventsPerSecond(), report.reading().toNanos() / 1e9);
            out.printf(Locale.ROOT, "%-18s %10s %9s %8s  %-64s  %s%n", "projection", "events", "apply s", "lines", "sha-256", "live");
            boolean allSame = true;
            for (var replayed : report.projections()) {
                var live = chosen.stream().filter(p -> p.name().equals(replayed.name())).findFirst().orElseThrow()
                        .state().orElseThrow().live().snapshot();
                var difference = live.firstDifference(replayed.snapshot());
                allSame &= difference.isEmpty();
                out.printf(Locale.ROOT, "%-18s %,10d %9.2f %8d  %-64s  %s%n", replayed.name(), replayed.applied(),
                        replayed.applying().toNanos() / 1e9, replayed.snapshot().size(), replayed.snapshot().digest(),
                        difference.map(d -> "differs: " + d).orElse("identical"));
            }
            return allSame ? 0 : 1;
        }
    }

    /** A name as typed, without control characters, cut short: it is echoed to a terminal. */
    private static String printable(String name) {
        var shown = name.codePoints().filter(c -> !Character.isISOControl(c)).limit(64)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);
        return "'" + shown + "'";
    }
}
