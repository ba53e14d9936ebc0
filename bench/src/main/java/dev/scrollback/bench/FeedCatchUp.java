package dev.scrollback.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scrollback.adapters.persistence.shared.EventStore;
import dev.scrollback.adapters.persistence.shared.StoreSettings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Issue 7 item 8: an integrator catching up on the SSE stream. Fills an embedded store with {@code --events} realistic
 * events ({@link LogFill}, 1,000,000 by default), starts {@code scrollback.jar} on it in its own JVM (its start replays
 * them into the projections: timed too), logs the benchmark sysop in, then opens {@code GET /api/v1/events/stream}
 * from position 0 and reads until it has the log's last event: time to the first event, events/s and MB/s of the whole
 * catch-up, and that no position was skipped or repeated. The server runs on {@code BENCH_SERVER_CPUS} (CPU 0), this
 * reader on the other.
 */
public final class FeedCatchUp {
    private static final ObjectMapper JSON = new ObjectMapper();

    private FeedCatchUp() {}

    public static void main(String[] args) throws Exception {
        int events = 1_000_000;
        Path jar = Path.of("bootstrap/target/scrollback.jar");
        String serverCpus = "0";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--events" -> events = Integer.parseInt(args[++i]);
                case "--jar" -> jar = Path.of(args[++i]);
                case "--server-cpus" -> serverCpus = args[++i];
                default -> throw new IllegalArgumentException("unknown option " + args[i] + " (--events N, --jar PATH, --server-cpus LIST)");
            }
        }
        var directory = Files.createTempDirectory("scrollback-sse-bench");
        var data = directory.resolve("data");
        long filling = System.nanoTime();
        try (var store = EventStore.open(new StoreSettings.Embedded(data))) {
            LogFill.fill(store.eventLog(), events);
        }
        System.out.printf(Locale.ROOT, "filled %s with %,d events in %.1f s%n", data, events, (System.nanoTime() - filling) / 1e9);

        long starting = System.nanoTime();
        try (var bbs = ServerProcess.scrollback(jar, directory, List.of("-Xmx3g"), Map.of(), Duration.ofMinutes(15))) {
            double startSeconds = (System.nanoTime() - starting) / 1e9;
            System.out.printf(Locale.ROOT, "server ready on that log in %.1f s (its start replays it into every projection)%n",
                    startSeconds);
            bbs.server().pinTo(serverCpus);
            var client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
            var login = client.send(HttpRequest.newBuilder(bbs.http().resolve("/api/v1/sessions"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                            Map.of("handle", ServerProcess.SYSOP, "password", ServerProcess.SYSOP_PASSWORD)))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (login.statusCode() != 201) throw new IllegalStateException("login answered " + login.statusCode() + ": " + login.body());
            var token = JSON.readTree(login.body()).path("accessToken").asText();
            long head = head(client, bbs.http(), token, events);
            System.out.printf(Locale.ROOT, "the log's head is position %,d; catching up from 0 over SSE%n", head);
            catchUp(client, bbs.http(), token, head);
        }
    }

    /** The last position: the paged feed after what the fill wrote (the server's start and the login appended a few). */
    private static long head(HttpClient client, URI http, String token, long after) throws IOException, InterruptedException {
        long last = after;
        while (true) {
            var page = client.send(HttpRequest.newBuilder(http.resolve("/api/v1/events?after=" + last + "&limit=1000"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            if (page.statusCode() != 200) throw new IllegalStateException("the feed answered " + page.statusCode() + ": " + page.body());
            var items = JSON.readTree(page.body()).path("events");
            if (items.isEmpty()) return last;
            last = items.get(items.size() - 1).path("position").asLong();
        }
    }

    private static void catchUp(HttpClient client, URI http, String token, long head) throws IOException, InterruptedException {
        long opened = System.nanoTime();
        var answer = client.send(HttpRequest.newBuilder(http.resolve("/api/v1/events/stream?after=0"))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        if (answer.statusCode() != 200) throw new IllegalStateException("the stream answered " + answer.statusCode());
        long first = 0, received = 0, bytes = 0, expected = 1, gaps = 0;
        try (var body = answer.body();
             var reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8), 1 << 16)) {
            for (String line; (line = reader.readLine()) != null; ) {
                bytes += line.length() + 1;
                if (!line.startsWith("id: ")) continue;
                long position = Long.parseLong(line.substring(4).strip());
                if (received == 0) first = System.nanoTime();
                received++;
                if (position != expected) gaps++;
                expected = position + 1;
                if (position >= head) break;
            }
        }
        long done = System.nanoTime();
        double seconds = (done - opened) / 1e9;
        System.out.printf(Locale.ROOT, "SSE catch-up of %,d events: first after %.1f ms, all in %.1f s: %,.0f events/s, "
                        + "%.1f MB/s (%,d MB of text); positions skipped or repeated: %d%n", received, (first - opened) / 1e6,
                seconds, received / seconds, bytes / seconds / 1e6, bytes / 1_000_000, gaps);
    }
}
