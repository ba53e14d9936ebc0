package dev.scrollback.bootstrap;

import dev.scrollback.adapters.persistence.shared.Projections;
import dev.scrollback.adapters.web.audit.AuditExport;
import dev.scrollback.application.audit.AuditFilter;
import dev.scrollback.application.audit.AuditTrail;
import dev.scrollback.domain.shared.Channel;
import dev.scrollback.domain.shared.InvalidValue;
import dev.scrollback.domain.shared.RemoteAddress;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToIntFunction;

/**
 * {@code java -jar scrollback.jar audit [filters] [--format jsonl|csv]}: rebuilds the audit trail from the store (no
 * listeners open) and prints every matching entry. Whoever can run it can read the data directory or the database, so
 * it asks for no credential; on the embedded store, run it while the server is stopped (the store is one process's).
 */
final class AuditCommand {
    private AuditCommand() {}

    static int run(String[] args, PrintStream out, PrintStream err, ToIntFunction<String> usage) {
        var options = new java.util.HashMap<String, String>();
        for (int i = 0; i < args.length; i++) {
            var name = args[i];
            if (!name.startsWith("--") || i + 1 >= args.length) return usage.applyAsInt("audit: expected --option value, got " + name);
            if (options.put(name.substring(2), args[++i]) != null) return usage.applyAsInt("audit: " + name + " given twice");
        }
        AuditFilter filter;
        AuditExport.Format format;
        long after;
        try {
            format = AuditExport.Format.of(options.remove("format")).orElseThrow(() -> new InvalidValue("format", "must be jsonl or csv"));
            after = position(options.remove("after"));
            filter = new AuditFilter(Optional.ofNullable(options.remove("actor")), Optional.ofNullable(options.remove("account")),
                    Optional.ofNullable(options.remove("type")), instant("from", options.remove("from")),
                    instant("to", options.remove("to")), Optional.ofNullable(options.remove("address")).map(RemoteAddress::new),
                    Optional.ofNullable(options.remove("channel")).map(AuditCommand::channel));
        } catch (InvalidValue e) {
            return usage.applyAsInt("audit: --" + e.field() + " " + e.getMessage());
        }
        if (!options.isEmpty()) return usage.applyAsInt("audit: unknown option --" + options.keySet().iterator().next());

        // standard output carries the export: no log lines on the console in between
        try (var context = ScrollbackApplication.start(ScrollbackApplication.Mode.ADMIN, Map.of("logging.threshold.console", "OFF"))) {
            context.getBean(Projections.class).awaitCaughtUp(context.getBean(Settings.class).catchUpTimeout());
            var trail = context.getBean(AuditTrail.class);
            var writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            AuditExport.write(writer, format, trail.find(filter, after, AuditExport.PAGE),
                    next -> trail.find(filter, next, AuditExport.PAGE));
            writer.flush();
            return 0;
        } catch (IOException e) {
            err.println("scrollback: could not write the audit log: " + e.getMessage());
            return 1;
        }
    }

    private static long position(String text) {
        if (text == null) return 0;
        try {
            long position = Long.parseLong(text);
            if (position >= 0) return position;
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new InvalidValue("after", "must be 0 or a position");
    }

    private static Optional<Instant> instant(String name, String text) {
        if (text == null) return Optional.empty();
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            throw new InvalidValue(name, "must be a UTC time such as 2025-03-01T20:00:00Z");
        }
    }

    private static Channel channel(String text) {
        for (var channel : Channel.values()) if (channel.wireName().equals(text)) return channel;
        throw new InvalidValue("channel", "must be telnet, web, cli, plugin or system");
    }
}
