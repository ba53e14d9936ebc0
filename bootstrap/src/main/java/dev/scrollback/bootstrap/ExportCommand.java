package dev.scrollback.bootstrap;

import dev.scrollback.application.exchange.ExportFormat;
import dev.scrollback.adapters.persistence.exchange.LogExport;
import dev.scrollback.adapters.persistence.shared.EventStore;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.function.ToIntFunction;

/**
 * {@code java -jar scrollback.jar export [--format ndjson|cloudevents] [--after P] [--to FILE] [--keys FILE]}: the
 * log as lines of JSON (decision 0023), to standard output or a file; with {@code --keys}, the personal data keys too,
 * to a file of their own (decision 0021: an event export leaves them out, so it alone opens nothing personal). A file is written beside its name and renamed into place once
 * complete, so a file by that name is always a whole export. It only reads; on the embedded store, run it while the
 * server is stopped (or use {@code GET /api/v1/events/export} on the running server).
 */
final class ExportCommand {
    private ExportCommand() {}

    static int run(String[] args, PrintStream out, PrintStream err, ToIntFunction<String> usage) {
        var options = new HashMap<String, String>();
        for (int i = 0; i < args.length; i++) {
            var name = args[i];
            if (!name.startsWith("--") || i + 1 >= args.length) return usage.applyAsInt("export: expected --option value, got " + name);
            if (options.put(name.substring(2), args[++i]) != null) return usage.applyAsInt("export: " + name + " given twice");
        }
        var format = ExportFormat.of(options.remove("format"));
        if (format.isEmpty()) return usage.applyAsInt("export: --format must be ndjson or cloudevents");
        long after;
        try {
            after = options.containsKey("after") ? Long.parseLong(options.get("after")) : 0;
        } catch (NumberFormatException e) {
            after = -1;
        }
        options.remove("after");
        if (after < 0) return usage.applyAsInt("export: --after must be 0 or a position");
        var to = options.remove("to");
        var keys = options.remove("keys");
        if (!options.isEmpty()) return usage.applyAsInt("export: unknown option --" + options.keySet().iterator().next());

        var settings = ExchangeCommands.settings();
        try (var store = EventStore.open(ExchangeCommands.store(settings))) {
            LogExport.Exported exported;
            if (to == null) {
                exported = LogExport.write(store.storedRecords(), after, format.get(), out);
            } else {
                exported = toFile(store, after, format.get(), Path.of(to));
            }
            err.println("exported " + exported.events() + " events" + (exported.events() == 0 ? ""
                    : " (positions " + exported.firstPosition() + " to " + exported.lastPosition() + ")")
                    + " as " + format.get().wireName() + (to == null ? "" : " to " + to));
            if (keys != null) {
                long written = keysToFile(store, Path.of(keys));
                err.println("exported " + written + " personal data keys to " + keys
                        + " (owner-only; whoever holds it with the export reads every personal value not erased)");
            }
            return 0;
        } catch (IOException e) {
            err.println("scrollback: could not write the export: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            err.println("scrollback: export failed: " + e.getMessage());
            return 1;
        }
    }

    /** The data keys (decision 0021) to a file readable by its owner only, renamed into place once whole. */
    private static long keysToFile(EventStore store, Path file) throws IOException {
        var target = file.toAbsolutePath();
        var partial = target.resolveSibling(target.getFileName() + ".partial");
        try {
            Files.deleteIfExists(partial);
            try {
                Files.createFile(partial, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                        java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(partial);
            }
            long written;
            try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16)) {
                written = store.exportDataKeys(stream);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return written;
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private static LogExport.Exported toFile(EventStore store, long after, ExportFormat format, Path file) throws IOException {
        var target = file.toAbsolutePath();
        var partial = target.resolveSibling(target.getFileName() + ".partial");
        try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16)) {
            var exported = LogExport.write(store.storedRecords(), after, format, stream);
            stream.close();
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return exported;
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}
