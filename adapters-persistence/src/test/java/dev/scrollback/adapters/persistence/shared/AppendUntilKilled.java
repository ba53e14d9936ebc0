package dev.scrollback.adapters.persistence.shared;

import dev.scrollback.application.shared.ExpectedVersion;
import dev.scrollback.application.shared.StreamAppend;
import dev.scrollback.application.shared.StreamId;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * The child process of {@link CrashTest}: opens a store and appends from several threads until it is killed,
 * printing {@code ack <event id>} only after {@code append} has returned. With {@code hold}, it opens the store,
 * prints {@code open} and waits to be killed.
 *
 * <p>Arguments: {@code embedded <data dir> <threads>}, {@code postgres <jdbc url> <threads>}, {@code hold <data dir>}.
 */
public final class AppendUntilKilled {
    private AppendUntilKilled() {}

    public static void main(String[] args) throws Exception {
        var out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        StoreSettings settings = switch (args[0]) {
            case "embedded", "hold" -> new StoreSettings.Embedded(Path.of(args[1]));
            case "postgres" -> new StoreSettings.Postgres(args[1], PostgresSchema.USER, "");
            default -> throw new IllegalArgumentException(args[0]);
        };
        var store = EventStore.open(settings);
        if (args[0].equals("hold")) {
            say(out, "open");
            Thread.sleep(Long.MAX_VALUE);
        }
        int threads = Integer.parseInt(args[2]);
        for (int t = 0; t < threads; t++) {
            Thread.ofPlatform().start(() -> {
                var stream = StreamId.of("account", UUID.randomUUID());
                for (long version = -1; ; version++) {
                    var recorded = store.eventLog().append(new StreamAppend(stream, ExpectedVersion.after(version),
                            List.of(SampleEvents.verified((int) version))), SampleEvents.metadata());
                    say(out, "ack " + recorded.getFirst().id());
                }
            });
        }
    }

    private static void say(PrintStream out, String line) {
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }
}
