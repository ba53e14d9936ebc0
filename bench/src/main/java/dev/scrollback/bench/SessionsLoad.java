package dev.scrollback.bench;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Issue 5 item 6, sessions: how many idle sessions one instance holds, what each costs in heap, and how fast a new
 * caller gets the login prompt (and the main menu) while they are held.
 *
 * <p>Starts (a copy of) {@code scrollback.jar} in its own JVM, signs up one member, then confines the server to one CPU
 * ({@code --server-cpus}, default 0; {@code bench/run} pins this generator to the other), and for each size in
 * {@code --sizes}:
 * <ul>
 *   <li><b>telnet</b>: opens connections up to that size, each negotiating like a terminal program and reading up to
 *   {@code Handle: }, then left idle at the prompt; measures the server's live heap (a full collection through
 *   {@code jcmd GC.class_histogram}) against the baseline with no connection, and connect-to-prompt latency of
 *   {@code --probes} new callers one after another while the others are held, plus connect-to-menu (prompt, handle,
 *   password, one Argon2id check, {@code Your choice: }) for {@code --menu-probes} callers;</li>
 *   <li><b>WebSocket</b>: the same with {@code /ws} connections that all present one member's access token (one web
 *   session), held once the server has said {@code CaughtUp}; probes time connect → {@code CaughtUp}.</li>
 * </ul>
 * Then {@code --logged-in} telnet callers log in (one after another: logins of one account conflict when concurrent)
 * and idle at the main menu, for the heap of a logged-in session. Connections come from many loopback addresses,
 * never more than five per address, under the server's ten-a-minute limit.
 */
public final class SessionsLoad {
    record Settings(Path jar, Path dir, String serverCpus, List<Integer> sizes, List<Integer> wsSizes, int probes,
                    int menuProbes, int loggedIn, int parallel, List<String> jvmOptions) {}

    record Row(String kind, int held, int failed, double rampSeconds, long liveHeap, long rss, long fds,
               long[] rampLatency, long[] probeLatency, long[] menuLatency) {}

    private final Settings settings;
    private final ServerProcess.Scrollback server;
    private final InetSocketAddress telnet;
    private final InetSocketAddress http;
    private final AtomicInteger probeAddresses = new AtomicInteger();
    private final AtomicInteger menuAddresses = new AtomicInteger();
    private BenchWeb.Member holder;

    private SessionsLoad(Settings settings, ServerProcess.Scrollback server) {
        this.settings = settings;
        this.server = server;
        this.telnet = new InetSocketAddress("127.0.0.1", server.telnetPort());
        this.http = new InetSocketAddress("127.0.0.1", server.http().getPort());
    }

    public static void main(String[] args) throws Exception {
        var settings = parse(args);
        Files.createDirectories(settings.dir());
        System.out.printf(Locale.ROOT, "sessions: server %s pinned to CPU %s, this generator on %s CPU(s); results in %s%n",
                settings.jar(), settings.serverCpus(), Runtime.getRuntime().availableProcessors(), settings.dir());
        var env = Map.of("SCROLLBACK_TELNET_MAX_SESSIONS", "100000", "SCROLLBACK_LOGIN_TIMEOUT", "60m",
                "SCROLLBACK_IDLE_TIMEOUT", "60m");
        try (var server = ServerProcess.scrollback(settings.jar(), settings.dir(), settings.jvmOptions(), env)) {
            System.out.printf(Locale.ROOT, "server pid %d, http %s, telnet %d%n", server.server().pid(), server.http(), server.telnetPort());
            new SessionsLoad(settings, server).run();
        }
    }

    private void run() throws Exception {
        var rows = new ArrayList<Row>();
        try (var web = new BenchWeb(server.http(), server.data())) {
            holder = web.members("holder", 1, 9, 1).getFirst();
            server.server().pinTo(settings.serverCpus());
            System.out.printf(Locale.ROOT, "server (%s) confined to CPU %s from here on%n", FanoutLoad.gcOf(server.server()), settings.serverCpus());
            warmUp();
            var jvm = server.server();
            var histograms = new LinkedHashMap<String, ServerProcess.Histogram>();

            var base = jvm.histogram();
            histograms.put("baseline", base);
            System.out.printf(Locale.ROOT, "baseline live heap %s, RSS %s, %d fds%n", Stats.mib(base.totalBytes()),
                    Stats.mib(jvm.rss()), jvm.openFiles());
            var held = new ArrayList<AutoCloseable>();
            for (int size : settings.sizes()) {
                var ramp = telnetRamp(held, size);
                var h = jvm.histogram();
                histograms.put("telnet " + size, h);
                var row = new Row("telnet, at the login prompt", held.size(), ramp.failed(), ramp.seconds(), h.totalBytes(),
                        jvm.rss(), jvm.openFiles(), ramp.latencies(), telnetProbes(settings.probes()), menuProbes(settings.menuProbes()));
                rows.add(row);
                print(row, base.totalBytes());
            }
            closeAll(held);
            Thread.sleep(3000);

            var wsBase = jvm.histogram();
            histograms.put("baseline before /ws", wsBase);
            for (int size : settings.wsSizes()) {
                var ramp = wsRamp(held, size);
                var h = jvm.histogram();
                histograms.put("ws " + size, h);
                var row = new Row("/ws, live and idle", held.size(), ramp.failed(), ramp.seconds(), h.totalBytes(), jvm.rss(),
                        jvm.openFiles(), ramp.latencies(), wsProbes(settings.probes()), new long[0]);
                rows.add(row);
                print(row, wsBase.totalBytes());
            }
            closeAll(held);
            Thread.sleep(3000);

            ServerProcess.Histogram loggedBase = null;
            if (settings.loggedIn() > 0) {
                loggedBase = jvm.histogram();
                histograms.put("baseline before logins", loggedBase);
                var ramp = loginRamp(held, settings.loggedIn());
                var h = jvm.histogram();
                histograms.put("logged in " + settings.loggedIn(), h);
                var row = new Row("telnet, logged in, at the main menu", held.size(), ramp.failed(), ramp.seconds(), h.totalBytes(),
                        jvm.rss(), jvm.openFiles(), ramp.latencies(), telnetProbes(settings.probes()), menuProbes(settings.menuProbes()));
                rows.add(row);
                print(row, loggedBase.totalBytes());
                closeAll(held);
            }

            System.out.println();
            System.out.println("| sessions held | live heap | heap per session | RSS | ramp | ramp connect→prompt p50 / p95 / p99 | new caller connect→prompt p50 / p95 / p99 | connect→menu (with login) p50 / p95 / p99 |");
            System.out.println("|---|---:|---:|---:|---:|---|---|---|");
            for (var r : rows) {
                long baseline = r.kind().startsWith("/ws") ? wsBase.totalBytes()
                        : r.kind().contains("logged in") ? loggedBase.totalBytes() : base.totalBytes();
                System.out.printf(Locale.ROOT, "| %s: %,d%s | %s | %s | %s | %.1f s | %s | %s | %s |%n", r.kind(), r.held(),
                        r.failed() > 0 ? " (" + r.failed() + " failed)" : "", Stats.mib(r.liveHeap()),
                        Stats.kib((double) (r.liveHeap() - baseline) / r.held()), Stats.mib(r.rss()), r.rampSeconds(),
                        Stats.quantiles(Stats.sorted(r.rampLatency())), Stats.quantiles(Stats.sorted(r.probeLatency())),
                        r.menuLatency().length == 0 ? "-" : Stats.quantiles(Stats.sorted(r.menuLatency())));
            }
            System.out.println("(times in ms; live heap after a full collection, jcmd GC.class_histogram; per session = (live − baseline) / held)");
            printDiff("telnet at the prompt", base, histograms.get("telnet " + settings.sizes().getLast()), settings.sizes().getLast());
            printDiff("/ws", wsBase, histograms.get("ws " + settings.wsSizes().getLast()), settings.wsSizes().getLast());
            if (loggedBase != null) {
                printDiff("telnet logged in", loggedBase, histograms.get("logged in " + settings.loggedIn()), settings.loggedIn());
            }
        }
    }

    private void warmUp() throws Exception {
        for (int i = 0; i < 20; i++) {
            try (var c = TelnetClient.connect(Stats.loopback(12, 200 + i / 5), telnet, 30_000)) {
                c.awaitText("Handle: ");
            }
        }
        for (int i = 0; i < 20; i++) {
            try (var ws = RawWebSocket.open(Stats.loopback(14, 200), http, wsPath(), 30_000)) {
                awaitCaughtUp(ws);
            }
        }
        menuProbes(WARM_UP_LOGINS);
    }

    /**
     * Logins before anything is measured, so the login path (Argon2id, the session's events, the menu) runs compiled,
     * as on a server that has been taking calls: with only a few, the first probes measured the JIT at work on one core.
     */
    static final int WARM_UP_LOGINS = 100;

    record Ramp(int failed, double seconds, long[] latencies) {}

    /** Opens telnet connections until {@code held} has {@code size}, {@code --parallel} at a time. */
    private Ramp telnetRamp(List<AutoCloseable> held, int size) throws Exception {
        return ramp(held, size, k -> {
            var c = TelnetClient.connect(Stats.loopback(10, k / 5), telnet, 60_000);
            c.awaitText("Handle: ");
            return c;
        });
    }

    private Ramp wsRamp(List<AutoCloseable> held, int size) throws Exception {
        return ramp(held, size, k -> {
            var ws = RawWebSocket.open(Stats.loopback(13, k / 5), http, wsPath(), 60_000);
            awaitCaughtUp(ws);
            return ws;
        });
    }

    private Ramp loginRamp(List<AutoCloseable> held, int size) throws Exception {
        var latencies = new long[size];
        int failed = 0;
        long start = System.nanoTime();
        for (int k = 0; k < size; k++) {
            long t0 = System.nanoTime();
            try {
                var c = TelnetClient.connect(Stats.loopback(15, k / 5), telnet, 60_000);
                logIn(c);
                held.add(c);
            } catch (Exception e) {
                failed++;
                if (failed <= 3) System.out.println("  a login failed: " + e);
            }
            latencies[k] = System.nanoTime() - t0;
        }
        return new Ramp(failed, (System.nanoTime() - start) / 1e9, latencies);
    }

    interface Opener {
        AutoCloseable open(int k) throws Exception;
    }

    private Ramp ramp(List<AutoCloseable> held, int size, Opener opener) throws Exception {
        int from = held.size();
        var opened = new ConcurrentLinkedQueue<AutoCloseable>();
        var latencies = new long[Math.max(0, size - from)];
        var failed = new AtomicInteger();
        var gate = new Semaphore(settings.parallel());
        long start = System.nanoTime();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int k = from; k < size; k++) {
                gate.acquire();
                int index = k;
                executor.submit(() -> {
                    long t0 = System.nanoTime();
                    try {
                        opened.add(opener.open(index));
                    } catch (Exception e) {
                        if (failed.incrementAndGet() <= 3) System.out.println("  connection " + index + " failed: " + e);
                    } finally {
                        latencies[index - from] = System.nanoTime() - t0;
                        gate.release();
                    }
                });
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        held.addAll(opened);
        Thread.sleep(2000);                                      // let the server settle before measuring
        return new Ramp(failed.get(), seconds, latencies);
    }

    /** New callers one after another while the others are held: connect → {@code Handle: }, then hang up. */
    private long[] telnetProbes(int count) {
        return probes(count, () -> {
            try (var c = TelnetClient.connect(Stats.loopback(11, probeAddresses.getAndIncrement() / 5), telnet, 60_000)) {
                c.awaitText("Handle: ");
            }
            return null;
        });
    }

    /** Connect → prompt → handle and password → {@code Your choice: } (the main menu), then hang up. */
    private long[] menuProbes(int count) {
        return probes(count, () -> {
            try (var c = TelnetClient.connect(Stats.loopback(12, menuAddresses.getAndIncrement() / 5), telnet, 60_000)) {
                logIn(c);
            }
            return null;
        });
    }

    private long[] wsProbes(int count) {
        return probes(count, () -> {
            try (var ws = RawWebSocket.open(Stats.loopback(14, probeAddresses.getAndIncrement() / 5), http, wsPath(), 60_000)) {
                awaitCaughtUp(ws);
            }
            return null;
        });
    }

    private static long[] probes(int count, Callable<Void> probe) {
        var latencies = new long[count];
        int done = 0, failed = 0;
        for (int i = 0; i < count; i++) {
            long t0 = System.nanoTime();
            try {
                probe.call();
                latencies[done++] = System.nanoTime() - t0;
            } catch (Exception e) {
                if (++failed <= 3) System.out.println("  a probe failed: " + e);
            }
        }
        return Arrays.copyOf(latencies, done);
    }

    private void logIn(TelnetClient c) throws Exception {
        c.awaitText("Handle: ");
        c.type(holder.handle);
        c.awaitText("Password: ");
        c.type(BenchWeb.PASSWORD);
        c.awaitText("Your choice: ");
    }

    private String wsPath() {
        return "/ws?access_token=" + holder.access;
    }

    private static final byte[] CAUGHT_UP = "\"CaughtUp\"".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private static void awaitCaughtUp(RawWebSocket ws) throws Exception {
        while (true) {
            if (ws.next() == RawWebSocket.CLOSE) throw new IllegalStateException("closed " + ws.closeCode() + " " + ws.closeReason());
            if (ws.indexOf(CAUGHT_UP, 0) >= 0) return;
        }
    }

    private static void closeAll(List<AutoCloseable> held) {
        for (var c : held) {
            try {
                c.close();
            } catch (Exception e) {
                // closing anyway
            }
        }
        held.clear();
    }

    private void print(Row r, long baseline) {
        System.out.printf(Locale.ROOT, "%s: %,d held (%d failed) in %.1f s; live heap %s (%s per session), RSS %s, %d fds;"
                        + " ramp p50/p95/p99 %s; new callers %s; to the menu %s%n",
                r.kind(), r.held(), r.failed(), r.rampSeconds(), Stats.mib(r.liveHeap()),
                Stats.kib((double) (r.liveHeap() - baseline) / r.held()), Stats.mib(r.rss()), r.fds(),
                Stats.quantiles(Stats.sorted(r.rampLatency())), Stats.quantiles(Stats.sorted(r.probeLatency())),
                r.menuLatency().length == 0 ? "-" : Stats.quantiles(Stats.sorted(r.menuLatency())));
    }

    /** Where the heap per session goes: the classes that grew most, in bytes per session. */
    private static void printDiff(String what, ServerProcess.Histogram before, ServerProcess.Histogram after, int sessions) {
        var grew = new HashMap<String, Long>();
        after.bytes().forEach((k, v) -> grew.put(k, v - before.bytes().getOrDefault(k, 0L)));
        System.out.printf(Locale.ROOT, "%nheap per session, %s (%,d sessions): %s in total; the classes that grew most%n", what,
                sessions, Stats.kib((double) (after.totalBytes() - before.totalBytes()) / sessions));
        System.out.println("| class | bytes per session | instances per session |");
        System.out.println("|---|---:|---:|");
        grew.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())).limit(15)
                .forEach(e -> System.out.printf(Locale.ROOT, "| `%s` | %,.0f | %.1f |%n", e.getKey(), (double) e.getValue() / sessions,
                        (double) (after.instances().getOrDefault(e.getKey(), 0L) - before.instances().getOrDefault(e.getKey(), 0L)) / sessions));
    }

    private static Settings parse(String[] args) {
        Path jar = Path.of("bootstrap/target/scrollback.jar");
        Path dir = Path.of("bench/results", "sessions-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        String cpus = "0";
        List<Integer> sizes = List.of(1000, 5000, 10000), wsSizes = null;
        int probes = 200, menuProbes = 30, loggedIn = 1000, parallel = 16;
        var jvm = new ArrayList<String>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--jar" -> jar = Path.of(args[++i]);
                case "--dir" -> dir = Path.of(args[++i]);
                case "--server-cpus" -> cpus = args[++i];
                case "--sizes" -> sizes = Arrays.stream(args[++i].split(",")).map(String::strip).map(Integer::parseInt).toList();
                case "--ws-sizes" -> wsSizes = Arrays.stream(args[++i].split(",")).map(String::strip).map(Integer::parseInt).toList();
                case "--probes" -> probes = Integer.parseInt(args[++i]);
                case "--menu-probes" -> menuProbes = Integer.parseInt(args[++i]);
                case "--logged-in" -> loggedIn = Integer.parseInt(args[++i]);
                case "--parallel" -> parallel = Integer.parseInt(args[++i]);
                case "--server-jvm" -> jvm.add(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        return new Settings(jar.toAbsolutePath(), dir.toAbsolutePath(), cpus, sizes, wsSizes == null ? sizes : wsSizes,
                probes, menuProbes, loggedIn, parallel, jvm);
    }
}
