package dev.scrollback.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Logs one account in over and over against a running server (issue 3, item 12): {@code POST /api/v1/sessions} from
 * {@code --threads} virtual threads, each sending its next login as soon as the last one is answered, for
 * {@code --seconds} after {@code --warmup} seconds that are not counted. Prints logins per second (201 answers), the
 * latency of those logins, and every other status separately: 429 (the server's login rate limit) apart from the rest.
 *
 * <p>Each successful login opens a web session on the server; the account ends the run with that many open sessions
 * (they expire when idle).
 *
 * <pre>bench/run logins --url http://127.0.0.1:8080 --handle loadtest --password 'benchmark password 1' --threads 4 --seconds 20</pre>
 */
public final class LoginLoad {
    record Settings(URI url, String handle, String password, int threads, int seconds, int warmupSeconds) {}

    /** What one worker saw while the clock counted: latencies of 201s (ns), and how many answers of each other kind. */
    record Tally(long[] createdNanos, int created, int tooMany, int otherStatus, int failed, String lastOther) {}

    public static void main(String[] args) throws Exception {
        var settings = parse(args);
        var client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        var body = "{\"handle\":" + jsonString(settings.handle()) + ",\"password\":" + jsonString(settings.password()) + "}";
        var request = HttpRequest.newBuilder(settings.url().resolve("/api/v1/sessions"))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();

        var probe = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (probe.statusCode() != 201) {
            System.err.println("the first login was answered " + probe.statusCode() + ": " + probe.body());
            System.exit(1);
        }
        System.out.printf(Locale.ROOT, "logging in as %s at %s from %d threads: %d s warm-up, then %d s counted%n",
                settings.handle(), settings.url(), settings.threads(), settings.warmupSeconds(), settings.seconds());

        long start = System.nanoTime();
        long countFrom = start + Duration.ofSeconds(settings.warmupSeconds()).toNanos();
        long stopAt = countFrom + Duration.ofSeconds(settings.seconds()).toNanos();
        var tallies = new ArrayList<Tally>();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            var futures = new ArrayList<Future<Tally>>();
            for (int i = 0; i < settings.threads(); i++) {
                futures.add(executor.submit(() -> work(client, request, countFrom, stopAt)));
            }
            for (var future : futures) tallies.add(future.get());
        }
        report(tallies, settings.seconds());
    }

    private static Tally work(HttpClient client, HttpRequest request, long countFrom, long stopAt) {
        var latencies = new long[1024];
        int created = 0, tooMany = 0, other = 0, failed = 0;
        String lastOther = "";
        while (true) {
            long sent = System.nanoTime();
            if (sent >= stopAt) break;
            int status;
            String answer;
            try {
                var response = client.send(request, HttpResponse.BodyHandlers.ofString());
                status = response.statusCode();
                answer = response.body();
            } catch (Exception e) {
                if (e instanceof InterruptedException) Thread.currentThread().interrupt();
                status = -1;
                answer = e.toString();
            }
            long answered = System.nanoTime();
            if (sent < countFrom || answered > stopAt) continue;      // only requests wholly inside the counted window
            switch (status) {
                case 201 -> {
                    if (created == latencies.length) latencies = Arrays.copyOf(latencies, created * 2);
                    latencies[created++] = answered - sent;
                }
                case 429 -> tooMany++;
                case -1 -> {
                    failed++;
                    lastOther = answer;
                }
                default -> {
                    other++;
                    lastOther = status + " " + answer;
                }
            }
        }
        return new Tally(latencies, created, tooMany, other, failed, lastOther);
    }

    private static void report(List<Tally> tallies, int seconds) {
        int created = tallies.stream().mapToInt(Tally::created).sum();
        var all = new long[created];
        int at = 0;
        for (var t : tallies) {
            System.arraycopy(t.createdNanos(), 0, all, at, t.created());
            at += t.created();
        }
        Arrays.sort(all);
        System.out.printf(Locale.ROOT, "logins/s %.1f  (201: %d in %d s)%n", (double) created / seconds, created, seconds);
        if (created > 0) {
            System.out.printf(Locale.ROOT, "latency ms  p50 %.1f  p95 %.1f  p99 %.1f  max %.1f%n",
                    millis(all, 0.50), millis(all, 0.95), millis(all, 0.99), all[created - 1] / 1e6);
        }
        System.out.printf(Locale.ROOT, "non-201: 429 (rate limited) %d, other status %d, no answer %d%n",
                tallies.stream().mapToInt(Tally::tooMany).sum(), tallies.stream().mapToInt(Tally::otherStatus).sum(),
                tallies.stream().mapToInt(Tally::failed).sum());
        tallies.stream().map(Tally::lastOther).filter(s -> !s.isEmpty()).findFirst()
                .ifPresent(s -> System.out.println("  e.g. " + s.substring(0, Math.min(300, s.length()))));
    }

    private static double millis(long[] sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.length) - 1;              // nearest rank
        return sorted[Math.max(0, index)] / 1e6;
    }

    private static Settings parse(String[] args) {
        String url = "http://127.0.0.1:8080", handle = null, password = null;
        int threads = 4, seconds = 20, warmup = 5;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--url" -> url = value(args, ++i);
                case "--handle" -> handle = value(args, ++i);
                case "--password" -> password = value(args, ++i);
                case "--threads" -> threads = positive(args, ++i);
                case "--seconds" -> seconds = positive(args, ++i);
                case "--warmup" -> warmup = Integer.parseInt(value(args, ++i));
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (handle == null || password == null) throw new IllegalArgumentException("--handle and --password are required");
        if (warmup < 0) throw new IllegalArgumentException("--warmup must not be negative");
        return new Settings(URI.create(url), handle, password, threads, seconds, warmup);
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) throw new IllegalArgumentException(args[i - 1] + " needs a value");
        return args[i];
    }

    private static int positive(String[] args, int i) {
        int n = Integer.parseInt(value(args, i));
        if (n < 1) throw new IllegalArgumentException(args[i - 1] + " must be positive");
        return n;
    }

    private static String jsonString(String text) {
        var out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    else out.append(c);
                }
            }
        }
        return out.append('"').toString();
    }
}
