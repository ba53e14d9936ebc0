package dev.scrollback.bench;

import dev.scrollback.adapters.persistence.shared.EventStore;
import dev.scrollback.adapters.persistence.shared.Projection;
import dev.scrollback.adapters.persistence.shared.Projections;
import dev.scrollback.adapters.persistence.shared.StoreSettings;
import dev.scrollback.application.shared.Actor;
import dev.scrollback.application.shared.EventLog;
import dev.scrollback.application.shared.EventMetadata;
import dev.scrollback.application.shared.ExpectedVersion;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.application.shared.StreamAppend;
import dev.scrollback.application.shared.StreamId;
import dev.scrollback.application.shared.UuidV7;
import dev.scrollback.domain.accounts.AccountEvent;
import dev.scrollback.domain.sessions.SessionEvent;
import dev.scrollback.domain.sessions.SessionEvent.SessionStarted;
import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.Channel;
import dev.scrollback.domain.shared.Handle;
import dev.scrollback.domain.shared.RemoteAddress;
import dev.scrollback.domain.shared.SessionId;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * How far the in-memory projections ({@link Projections}) lag behind the log, and what they cost while nothing
 * happens. Four processors as in the server (one records when it applies an event, three read other families), on an
 * otherwise idle store:
 * <ul>
 *   <li>idle CPU: process CPU time and the projection threads' CPU time over a quiet window, after catching up;</li>
 *   <li>own appends: one event at a time through this process's store, after random pauses of 10–510 ms (wider than
 *       any poll period involved, so that the appends cannot lock in phase with one); lag from calling
 *       {@code append} (so including the durable commit) and from its acknowledgement, to the projection applying the
 *       event;</li>
 *   <li>PostgreSQL only, another instance's appends: the same through a second store on the same database, as
 *       another server process would append.</li>
 * </ul>
 *
 * <pre>bench/run lag [--only h2|postgres] [--appends N] [--idle-seconds S]</pre>
 */
public final class ProjectionLag {
    private static final String PG_URL = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final Duration GIVE_UP = Duration.ofSeconds(10);

    /** Applied-at times of the events the benchmark waits for, by session. */
    private static final Map<SessionId, CompletableFuture<Long>> WAITING = new ConcurrentHashMap<>();

    public static void main(String[] args) throws Exception {
        System.setProperty("axoniq.update-checker.disabled", "true");
        int appends = 200;
        int idleSeconds = 10;
        String only = "";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--appends" -> appends = Integer.parseInt(args[++i]);
                case "--idle-seconds" -> idleSeconds = Integer.parseInt(args[++i]);
                case "--only" -> only = args[++i];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (!only.equals("postgres")) {
            var dir = Files.createTempDirectory("scrollback-bench-lag");
            try (var store = EventStore.open(new StoreSettings.Embedded(dir))) {
                measure("h2", store, null, appends, idleSeconds);
            }
        }
        if (!only.equals("h2")) {
            var schema = "bench_lag_" + Long.toHexString(System.nanoTime());
            try (var admin = DriverManager.getConnection(PG_URL, "postgres", "")) {
                admin.createStatement().execute("CREATE SCHEMA " + schema);
            }
            try {
                var settings = new StoreSettings.Postgres(PG_URL + "?currentSchema=" + schema, "postgres", "");
                try (var store = EventStore.open(settings); var other = EventStore.open(settings)) {
                    measure("postgres", store, other, appends, idleSeconds);
                }
            } finally {
                try (var admin = DriverManager.getConnection(PG_URL, "postgres", "")) {
                    admin.createStatement().execute("DROP SCHEMA " + schema + " CASCADE");
                }
            }
        }
    }

    private static void measure(String target, EventStore store, EventStore otherInstance, int appends, int idleSeconds)
            throws Exception {
        // A history to replay first, as a restarted server has.
        for (int i = 0; i < 1000; i++) append(store.eventLog());
        var noOp = (java.util.function.Consumer<AccountEvent>) event -> {};
        try (var projections = Projections.start(store, List.of(
                Projection.of("lag", SessionEvent.class, ProjectionLag::applied),
                Projection.of("account-directory", AccountEvent.class, noOp),
                Projection.of("password-resets", AccountEvent.class, noOp),
                Projection.of("api-keys", AccountEvent.class, noOp)))) {
            long started = System.nanoTime();
            projections.awaitCaughtUp(Duration.ofSeconds(60));
            System.out.printf(Locale.ROOT, "%-9s replayed 1,000 events in %.0f ms%n", target, (System.nanoTime() - started) / 1e6);

            for (int i = 0; i < 20; i++) lag(store.eventLog());          // warm-up
            Thread.sleep(1000);
            idle(target, idleSeconds);

            report(target, "own appends", lags(store.eventLog(), appends));
            if (otherInstance != null) report(target, "other instance's appends", lags(otherInstance.eventLog(), appends));
        }
    }

    private static void idle(String target, int seconds) throws InterruptedException {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        var threads = ManagementFactory.getThreadMXBean();
        long process = os.getProcessCpuTime();
        var before = threadCpu(threads);
        long wall = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        double secondsTaken = (System.nanoTime() - wall) / 1e9;
        double processMs = (os.getProcessCpuTime() - process) / 1e6 / secondsTaken;
        var after = threadCpu(threads);
        var perThread = new java.util.TreeMap<String, Double>();
        after.forEach((name, cpu) -> perThread.merge(name.replaceAll("\\d+$", "N"),
                (cpu - before.getOrDefault(name, 0L)) / 1e6 / secondsTaken, Double::sum));
        double projectionMs = perThread.entrySet().stream().filter(e -> e.getKey().startsWith("projection-"))
                .mapToDouble(Map.Entry::getValue).sum();
        System.out.printf(Locale.ROOT, "%-9s idle %d s: process CPU %.2f ms/s, projection threads CPU %.2f ms/s%n",
                target, seconds, processMs, projectionMs);
        var busiest = perThread.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(6)
                .map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(), e.getValue())).toList();
        System.out.printf(Locale.ROOT, "%-9s   busiest threads (ms/s): %s%n", target, String.join(", ", busiest));
    }

    /** CPU time of every live platform thread, by name. */
    private static Map<String, Long> threadCpu(java.lang.management.ThreadMXBean threads) {
        var cpu = new java.util.HashMap<String, Long>();
        for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) continue;
            long time = threads.getThreadCpuTime(info.getThreadId());
            if (time > 0) cpu.merge(info.getThreadName() + "#" + info.getThreadId(), time, Long::sum);
        }
        return cpu;
    }

    /** One append's lag: from calling {@code append}, and from its acknowledgement (the event is in the log). */
    private record Lag(long fromCall, long fromAck) {}

    private static List<Lag> lags(EventLog log, int count) throws Exception {
        var lags = new java.util.ArrayList<Lag>(count);
        for (int i = 0; i < count; i++) {
            Thread.sleep(ThreadLocalRandom.current().nextLong(10, 510));   // wider than any poll period: no phase lock
            lags.add(lag(log));
        }
        return lags;
    }

    /** Appends one event and waits until the projection has applied it. */
    private static Lag lag(EventLog log) throws Exception {
        var session = new SessionId(UuidV7.next());
        var applied = new CompletableFuture<Long>();
        WAITING.put(session, applied);
        long start = System.nanoTime();
        append(log, session);
        long acked = System.nanoTime();
        try {
            long at = applied.get(GIVE_UP.toMillis(), TimeUnit.MILLISECONDS);
            return new Lag(at - start, Math.max(0, at - acked));
        } catch (TimeoutException e) {
            throw new IllegalStateException("the projection did not apply an event within " + GIVE_UP, e);
        } finally {
            WAITING.remove(session);
        }
    }

    private static void applied(SessionEvent event) {
        long now = System.nanoTime();
        if (event instanceof SessionStarted started) {
            var waiting = WAITING.get(started.session());
            if (waiting != null) waiting.complete(now);
        }
    }

    private static void append(EventLog log) {
        append(log, new SessionId(UuidV7.next()));
    }

    private static void append(EventLog log, SessionId session) {
        var account = new AccountId(UuidV7.next());
        var handle = new Handle("caller");
        var at = Instant.now();
        var event = new SessionStarted(session, account, handle, Channel.TELNET, Optional.empty(), Optional.empty(), at);
        log.append(new StreamAppend(StreamId.of("session", session), ExpectedVersion.noStream(), List.of(event)),
                new EventMetadata(Actor.user(account, handle),
                        new Origin(Channel.TELNET, Optional.of(new RemoteAddress("127.0.0.1")), Optional.of(session)),
                        at, UuidV7.next(), Optional.empty()));
    }

    private static void report(String target, String what, List<Lag> lags) {
        report(target, what + ", from call", lags.stream().mapToLong(Lag::fromCall).toArray());
        report(target, what + ", from ack", lags.stream().mapToLong(Lag::fromAck).toArray());
    }

    private static void report(String target, String what, long[] lags) {
        var sorted = lags.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%-9s %-40s n=%d  p50 %6.1f ms  p90 %6.1f ms  p99 %6.1f ms  max %6.1f ms%n", target, what,
                sorted.length, at(sorted, 0.50), at(sorted, 0.90), at(sorted, 0.99), sorted[sorted.length - 1] / 1e6);
    }

    /** The nearest-rank percentile, in milliseconds. */
    private static double at(long[] sorted, double quantile) {
        int rank = (int) Math.ceil(quantile * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }
}
