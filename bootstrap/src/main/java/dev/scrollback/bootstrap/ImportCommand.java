package dev.scrollback.bootstrap;

import dev.scrollback.adapters.persistence.audit.CheckpointKey;
import dev.scrollback.adapters.persistence.audit.JdbcAuditChain;
import dev.scrollback.application.exchange.ExportFormat;
import dev.scrollback.adapters.persistence.exchange.LogImport;
import dev.scrollback.adapters.persistence.shared.EventStore;
import dev.scrollback.adapters.persistence.shared.RecordImport;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Optional;
import java.util.function.ToIntFunction;

/**
 * {@code java -jar scrollback.jar import --from FILE [--format ndjson|cloudevents] [--keys FILE]}: reads an export (and
 * the personal data keys {@code export --keys} wrote) into an EMPTY
 * store (a fresh data directory or database schema) exactly as it was (decision 0023), then seals the imported log's
 * hash chain so that {@code verify-audit} checks it; the server started on it rebuilds every projection from it.
 * The first bad line refuses the whole import, naming the line; nothing is written then. Run it with the server stopped.
 */
final class ImportCommand {
    private ImportCommand() {}

    static int run(String[] args, InputStream in, PrintStream out, PrintStream err, ToIntFunction<String> usage) {
        var options = new HashMap<String, String>();
        for (int i = 0; i < args.length; i++) {
            var name = args[i];
            if (!name.startsWith("--") || i + 1 >= args.length) return usage.applyAsInt("import: expected --option value, got " + name);
            if (options.put(name.substring(2), args[++i]) != null) return usage.applyAsInt("import: " + name + " given twice");
        }
        var from = options.remove("from");
        if (from == null) return usage.applyAsInt("import: --from FILE is required (- reads standard input)");
        var formatName = options.remove("format");
        Optional<ExportFormat> format = Optional.empty();
        if (formatName != null) {
            format = ExportFormat.of(formatName);
            if (format.isEmpty()) return usage.applyAsInt("import: --format must be ndjson or cloudevents");
        }
        var keys = options.remove("keys");
        if (!options.isEmpty()) return usage.applyAsInt("import: unknown option --" + options.keySet().iterator().next());

        var settings = ExchangeCommands.settings();
        var where = ExchangeCommands.store(settings);
        try (var input = from.equals("-") ? in : new BufferedInputStream(Files.newInputStream(Path.of(from)), 1 << 16);
             var store = EventStore.open(where);
             var chain = JdbcAuditChain.open(where, store.storedRecords(), CheckpointKey.inDataDirectory(settings.dataDirectory()),
                     Clock.systemUTC())) {
            var before = chain.verify();
            if (before.events() > 0 || before.checkpoints() > 0 || !before.verified()) {
                err.println("scrollback: import refused: " + ExchangeCommands.describe(settings) + " already has an audit chain; "
                        + "import only into a fresh data directory or an empty database schema");
                return 1;
            }
            var imported = LogImport.read(input, format, store);
            if (keys != null) {
                try (var keyFile = new BufferedInputStream(Files.newInputStream(Path.of(keys)), 1 << 16)) {
                    out.println("imported " + store.importDataKeys(keyFile) + " personal data keys");
                }
            } else {
                out.println("no --keys given: the personal values of the imported log stay sealed until its keys are imported");
            }
            out.println("imported " + imported.events() + " events" + (imported.events() == 0 ? ""
                    : " (positions " + imported.firstPosition() + " to " + imported.lastPosition() + ")")
                    + " into " + ExchangeCommands.describe(settings));
            long sealed = chain.seal();
            out.println("sealed " + sealed + " events into the audit chain; `verify-audit` checks them");
            return 0;
        } catch (NoSuchFileException e) {
            err.println("scrollback: import: no such file: " + from);
            return 1;
        } catch (RecordImport.Refused e) {
            err.println("scrollback: import refused: " + e.getMessage());
            return 1;
        } catch (IOException | RuntimeException e) {
            err.println("scrollback: import failed: " + e.getMessage());
            return 1;
        }
    }
}
