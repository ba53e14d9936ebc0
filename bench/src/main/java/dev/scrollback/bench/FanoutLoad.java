package dev.scrollback.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Issue 5 item 6, fan-out and catch-up: chat lines to 1 room × 1,000 members and to 100 rooms × 10 members, every
 * member listening on a WebSocket, against {@code scrollback.jar} and against a plain Node {@code ws} broadcast server
 * ({@code bench/node/broadcast.js}) with the same clients, the same senders and the same schedule.
 *
 * <p>Scrollback runs in its own JVM, started on every CPU and confined to {@code --server-cpus} once the accounts and
 * rooms are set up; the Node peer is started pinned to the same CPU after it; this generator runs on the other CPU
 * ({@code bench/run}). {@code --only-node} runs the peer alone, without accounts. {@code --accounts} members (default 500) sign up, verify and
 * log in over REST, each from its own loopback address; a public room holds them all, and 100 private rooms hold a
 * hundredth each. The 1,000 {@code /ws} connections of a shape are spread over the members of the room they listen to
 * (two connections per member with 500 accounts, one with 1,000). Lines are posted over REST ({@code POST
 * /api/v1/chat/rooms/{id}/messages}: every line is appended to the log before it is answered) at a fixed offered rate
 * per step, by members with room in their per-account allowance (a burst of 10, then 1 a second, mirrored here so the
 * server is not asked for lines it would refuse). Each line carries {@code System.nanoTime()} of its sending; each
 * receipt at each member is one delivery, its latency now minus that. A member cut off as too slow (1013) reconnects
 * with {@code after=} its last position, as a real client does, and the deliveries it catches up still count.
 *
 * <p>Catch-up (Scrollback only): a member that was away while 10,000 lines were said in its room reconnects with
 * {@code after=} its last position: time to {@code CaughtUp}; then again after 20,000, the older half of which the
 * server must read from the store (its ring holds the last 10,000 events).
 */
public final class FanoutLoad {
    private static final byte[] MARK_T = "~T".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MARK_K = "~K".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] POSITION = "\"position\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CAUGHT_UP = "\"CaughtUp\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EPHEMERAL = "\"ephemeral\"".getBytes(StandardCharsets.US_ASCII);
    private static final int CONNECTIONS = 1000;
    private static final int SMALL_ROOMS = 100;

    record Settings(Path jar, Path dir, Path nodeScript, String serverCpus, int accounts, List<Integer> ratesOne,
                    List<Integer> ratesMany, int seconds, int warmup, int catchUp, boolean jfr, boolean node, boolean scrollback,
                    List<String> jvmOptions) {}

    /** Where lines go and where members listen. */
    interface Target {
        String name();

        InetSocketAddress http();

        String wsPath(Conn conn, long after);

        CompletableFuture<Integer> send(BenchWeb.Member from, int room, Shape shape, String text);
    }

    /** 1 room × 1,000 members, or 100 rooms × 10. */
    record Shape(String name, int rooms) {
        int perRoom() {
            return CONNECTIONS / rooms;
        }

        int roomOf(int connection) {
            return connection / perRoom();
        }
    }

    static final Shape ONE = new Shape("1 room × 1,000 members", 1);
    static final Shape MANY = new Shape("100 rooms × 10 members", SMALL_ROOMS);

    /** One member's WebSocket. */
    final class Conn {
        final int index;
        final int room;
        final BenchWeb.Member member;
        final Target target;
        final CountDownLatch ready = new CountDownLatch(1);
        volatile RawWebSocket ws;
        volatile long lastPosition = -1;
        volatile boolean closing;
        volatile Thread reader;

        Conn(int index, int room, BenchWeb.Member member, Target target) {
            this.index = index;
            this.room = room;
            this.member = member;
            this.target = target;
        }
    }

    /** What one step of offered load saw. */
    static final class Step {
        final String label;
        final int rate;
        final Stats.Longs[] latencies = new Stats.Longs[64];
        final AtomicLong delivered = new AtomicLong();
        final AtomicLong lastReceipt = new AtomicLong();
        final AtomicInteger offered = new AtomicInteger(), accepted = new AtomicInteger(), limited = new AtomicInteger(),
                otherStatus = new AtomicInteger(), failed = new AtomicInteger(), noBudget = new AtomicInteger(),
                inFlightCap = new AtomicInteger(), cutOff = new AtomicInteger();
        final AtomicLongArray statuses = new AtomicLongArray(600);
        volatile long start, sendEnd, drained;
        long serverCpu, generatorCpu;
        long expected;

        Step(String label, int rate) {
            this.label = label;
            this.rate = rate;
            for (int i = 0; i < latencies.length; i++) latencies[i] = new Stats.Longs();
        }

        void record(int connection, long latency, long now) {
            latencies[connection & 63].add(latency);
            delivered.incrementAndGet();
            lastReceipt.accumulateAndGet(now, Math::max);
        }

        long[] sortedLatencies() {
            var parts = new long[latencies.length][];
            for (int i = 0; i < parts.length; i++) parts[i] = latencies[i].drain();
            return Stats.sorted(parts);
        }
    }

    record Result(String target, String shape, Step step, long[] latencies) {}

    private final Settings settings;
    private final List<Result> results = new ArrayList<>();
    private final List<String> catchUps = new ArrayList<>();
    private final Step[] steps = new Step[64];
    private final AtomicInteger stepCount = new AtomicInteger();
    private final AtomicInteger reconnectFailures = new AtomicInteger();
    private List<BenchWeb.Member> members;
    private double[] budget;              // mirror of each member's chat-line allowance
    private long budgetAt;

    private FanoutLoad(Settings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) throws Exception {
        var settings = parse(args);
        Files.createDirectories(settings.dir());
        System.out.printf(Locale.ROOT, "fanout: servers pinned to CPU %s, this generator on %d CPU(s); %d accounts; results in %s%n",
                settings.serverCpus(), Runtime.getRuntime().availableProcessors(), settings.accounts(), settings.dir());
        new FanoutLoad(settings).run();
    }

    private void run() throws Exception {
        if (!settings.scrollback()) {                             // the peer alone needs no accounts, only the senders' addresses
            try (var web = new BenchWeb(java.net.URI.create("http://127.0.0.1"), settings.dir())) {
                members = new ArrayList<>();
                for (int i = 0; i < settings.accounts(); i++) {
                    var address = Stats.loopback(20, i);
                    members.add(new BenchWeb.Member(i, "member" + i, address, web.client(address)));
                }
                budget = new double[members.size()];
                Arrays.fill(budget, 10);
                budgetAt = System.nanoTime();
                runNode();
            }
            report();
            return;
        }
        var env = Map.of("SCROLLBACK_LOGIN_TIMEOUT", "60m", "SCROLLBACK_WEB_IDLE_TIMEOUT", "60m");
        try (var server = ServerProcess.scrollback(settings.jar(), settings.dir(), settings.jvmOptions(), env);
             var web = new BenchWeb(server.http(), server.data())) {
            System.out.printf(Locale.ROOT, "scrollback pid %d (%s), http %s%n", server.server().pid(), gcOf(server.server()), server.http());
            long t0 = System.nanoTime();
            members = web.members("member", settings.accounts(), 20, 4);
            budget = new double[members.size()];
            Arrays.fill(budget, 10);
            budgetAt = System.nanoTime();
            System.out.printf(Locale.ROOT, "%d members signed up, verified and logged in in %.0f s%n", members.size(), (System.nanoTime() - t0) / 1e9);
            var rooms = openRooms(web);
            server.server().pinTo(settings.serverCpus());
            System.out.printf(Locale.ROOT, "server confined to CPU %s from here on%n", settings.serverCpus());
            var scrollback = new Target() {
                public String name() {
                    return "Scrollback";
                }

                public InetSocketAddress http() {
                    return new InetSocketAddress("127.0.0.1", server.http().getPort());
                }

                public String wsPath(Conn conn, long after) {
                    return "/ws?access_token=" + conn.member.access + (after >= 0 ? "&after=" + after : "");
                }

                public CompletableFuture<Integer> send(BenchWeb.Member from, int room, Shape shape, String text) {
                    var id = shape == ONE ? rooms[0] : rooms[1 + room];
                    return web.postAsync(from.http, "/api/v1/chat/rooms/" + id + "/messages", from.access, Map.of("text", text));
                }
            };
            if (settings.scrollback()) {
                for (var shape : List.of(ONE, MANY)) {
                    refreshIfOld(web);
                    var jfr = startJfr(server.server(), shape);
                    shape(scrollback, shape, server.server().pid());
                    stopJfr(server.server(), jfr);
                }
                refreshIfOld(web);
                catchUp(scrollback, web);
            }
            if (settings.node()) runNode();
        }
        report();
    }

    /** The Node peer, with the same clients, senders and schedule. */
    private void runNode() throws Exception {
        try (var node = ServerProcess.node(settings.nodeScript(), settings.dir(), settings.serverCpus())) {
            System.out.printf(Locale.ROOT, "node pid %d, http %s%n", node.server().pid(), node.http());
            var peer = new Target() {
                public String name() {
                    return "Node ws";
                }

                public InetSocketAddress http() {
                    return new InetSocketAddress("127.0.0.1", node.http().getPort());
                }

                public String wsPath(Conn conn, long after) {
                    return "/ws?room=" + roomName(conn.room);
                }

                public CompletableFuture<Integer> send(BenchWeb.Member from, int room, Shape shape, String text) {
                    var client = from.http;
                    var request = java.net.http.HttpRequest.newBuilder(node.http().resolve("/rooms/" + roomName(shape == ONE ? -1 : room) + "/messages"))
                            .timeout(java.time.Duration.ofSeconds(60)).header("Content-Type", "application/json")
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"text\":\"" + text + "\"}")).build();
                    return client.sendAsync(request, java.net.http.HttpResponse.BodyHandlers.discarding())
                            .thenApply(java.net.http.HttpResponse::statusCode);
                }

                private static String roomName(int room) {
                    return room < 0 ? "big" : "small-" + room;
                }
            };
            for (var shape : List.of(ONE, MANY)) shape(peerFor(peer, shape), shape, node.server().pid());
        }
    }

    /** The Node peer keys rooms by name; for shape ONE every connection listens to "big". */
    private static Target peerFor(Target peer, Shape shape) {
        if (shape == MANY) return peer;
        return new Target() {
            public String name() {
                return peer.name();
            }

            public InetSocketAddress http() {
                return peer.http();
            }

            public String wsPath(Conn conn, long after) {
                return "/ws?room=big";
            }

            public CompletableFuture<Integer> send(BenchWeb.Member from, int room, Shape s, String text) {
                return peer.send(from, room, s, text);
            }
        };
    }

    static String gcOf(ServerProcess server) {
        try {
            var flags = server.jcmd("VM.flags");
            var m = java.util.regex.Pattern.compile("-XX:\\+Use(\\w+GC)").matcher(flags);
            return m.find() ? m.group(1) : "?";
        } catch (Exception e) {
            return "?";
        }
    }

    private void refreshIfOld(BenchWeb web) throws Exception {
        if (System.nanoTime() - members.getFirst().loggedInAt > TimeUnit.MINUTES.toNanos(8)) web.refresh(members);
    }

    private String startJfr(ServerProcess server, Shape shape) throws Exception {
        if (!settings.jfr()) return null;
        var file = settings.dir().resolve(shape == ONE ? "server-one-room.jfr" : "server-many-rooms.jfr");
        server.jcmd("JFR.start name=fanout settings=profile filename=" + file);
        return file.toString();
    }

    private void stopJfr(ServerProcess server, String file) throws Exception {
        if (file == null) return;
        server.jcmd("JFR.stop name=fanout");
        System.out.println("  JFR recording: " + file + "  (summary: bench/run jfr " + file + ")");
    }

    /** Room ids: [0] the public room of everyone, [1 + r] the private room of the r-th hundredth of the members. */
    private String[] openRooms(BenchWeb web) throws Exception {
        var ids = new String[1 + SMALL_ROOMS];
        var sysop = web.sysop();
        ids[0] = web.expect(201, web.post(sysop.http, "/api/v1/chat/rooms", sysop.access, Map.of("name", "fanout-everyone", "kind", "public")),
                "opening the big room").body().path("id").asText();
        int group = members.size() / SMALL_ROOMS;
        var gate = new Semaphore(8);
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            var futures = new ArrayList<java.util.concurrent.Future<?>>();
            for (int r = 0; r < SMALL_ROOMS; r++) {
                int room = r;
                gate.acquire();
                futures.add(executor.submit(() -> {
                    try {
                        var creator = members.get(room * group);
                        ids[1 + room] = web.expect(201, web.post(creator.http, "/api/v1/chat/rooms", creator.access,
                                Map.of("name", "fanout-" + room, "kind", "private")), "opening a room").body().path("id").asText();
                        for (int i = 0; i < group; i++) {
                            var m = members.get(room * group + i);
                            if (i > 0) {
                                web.expect(200, web.post(creator.http, "/api/v1/chat/rooms/" + ids[1 + room] + "/invitations",
                                        creator.access, Map.of("handle", m.handle)), "inviting");
                            }
                            web.expect(200, web.postRetrying(m.http, "/api/v1/chat/rooms/" + ids[1 + room] + "/join", m.access, null), "joining");
                            web.expect(200, web.postRetrying(m.http, "/api/v1/chat/rooms/" + ids[0] + "/join", m.access, null), "joining");
                        }
                        return null;
                    } finally {
                        gate.release();
                    }
                }));
            }
            for (var f : futures) f.get();
        }
        System.out.printf(Locale.ROOT, "rooms open: 1 with all %d members, %d with %d each (%d joins answered 409 and were tried again)%n",
                members.size(), SMALL_ROOMS, group, web.conflicts.get());
        return ids;
    }

    /** The member that connection {@code j} listens as: with 1,000 accounts one each, else spread over the room's members. */
    private BenchWeb.Member memberOf(int j, Shape shape) {
        if (shape == ONE) return members.get(j % members.size());
        int group = members.size() / SMALL_ROOMS;
        return members.get(shape.roomOf(j) * group + (j % shape.perRoom()) % group);
    }

    private List<BenchWeb.Member> sendersOf(int room, Shape shape) {
        if (shape == ONE) return members;
        int group = members.size() / SMALL_ROOMS;
        return members.subList(room * group, room * group + group);
    }

    private void shape(Target target, Shape shape, long serverPid) throws Exception {
        System.out.printf(Locale.ROOT, "%n== %s, %s ==%n", target.name(), shape.name());
        var conns = new ArrayList<Conn>();
        for (int j = 0; j < CONNECTIONS; j++) conns.add(new Conn(j, shape.roomOf(j), memberOf(j, shape), target));
        long t0 = System.nanoTime();
        var gate = new Semaphore(16);
        for (var c : conns) {
            gate.acquire();
            Thread.ofVirtual().start(() -> {
                try {
                    connect(c, -1);
                    c.ready.await(60, TimeUnit.SECONDS);
                } catch (Exception e) {
                    System.out.println("  connection " + c.index + " failed: " + e);
                } finally {
                    gate.release();
                }
            });
        }
        gate.acquire(16);
        gate.release(16);
        long notReady = conns.stream().filter(c -> c.ready.getCount() > 0).count();
        System.out.printf(Locale.ROOT, "%d connections live in %.1f s%s%n", CONNECTIONS, (System.nanoTime() - t0) / 1e9,
                notReady > 0 ? " (" + notReady + " not ready)" : "");
        var rates = shape == ONE ? settings.ratesOne() : settings.ratesMany();
        step(target, shape, conns, "warm-up", rates.getFirst(), settings.warmup(), serverPid, false);
        for (int rate : rates) step(target, shape, conns, "", rate, settings.seconds(), serverPid, true);
        for (var c : conns) {
            c.closing = true;
            var ws = c.ws;
            if (ws != null) ws.close();
        }
        Thread.sleep(1000);
    }

    private void connect(Conn c, long after) throws IOException {
        var ws = RawWebSocket.open(Stats.loopback(30, c.index), c.target.http(), c.target.wsPath(c, after), 60_000);
        ws.timeout(0);
        c.ws = ws;
        c.reader = Thread.ofVirtual().name("member-" + c.index).start(() -> read(c, ws));
    }

    private void read(Conn c, RawWebSocket ws) {
        while (!c.closing) {
            int op;
            try {
                op = ws.next();
            } catch (IOException e) {
                if (!c.closing) System.out.println("  connection " + c.index + " lost: " + e.getMessage());
                return;
            }
            long now = System.nanoTime();
            if (op == RawWebSocket.CLOSE) {
                if (c.closing) return;
                if (ws.closeCode() == 1013) {
                    var step = steps[Math.max(0, stepCount.get() - 1)];
                    if (step != null) step.cutOff.incrementAndGet();
                    try {
                        connect(c, c.lastPosition);               // resume where we were, as a client should
                    } catch (IOException e) {
                        reconnectFailures.incrementAndGet();
                    }
                } else {
                    System.out.println("  connection " + c.index + " closed: " + ws.closeCode() + " " + ws.closeReason());
                }
                return;
            }
            int t = ws.indexOf(MARK_T, 0);
            if (t >= 0) {
                long sent = ws.numberAt(t + 2);
                int k = (int) ws.numberAt(ws.indexOf(MARK_K, t) + 2);
                if (k >= 0 && k < steps.length && steps[k] != null) steps[k].record(c.index, now - sent, now);
            } else if (ws.indexOf(EPHEMERAL, 0) >= 0 && ws.indexOf(CAUGHT_UP, 0) >= 0) {
                c.ready.countDown();
            }
            int p = ws.indexOf(POSITION, 0);
            if (p >= 0) c.lastPosition = Math.max(c.lastPosition, ws.numberAt(p + POSITION.length));
        }
    }

    /** Offers {@code rate} lines a second for {@code seconds}, then waits for the deliveries to drain. */
    private void step(Target target, Shape shape, List<Conn> conns, String label, int rate, int seconds, long serverPid,
                      boolean counted) throws Exception {
        awaitBudget(shape);
        int k = stepCount.getAndIncrement();
        var step = new Step(label, rate);
        steps[k] = step;
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long serverCpu0 = ServerProcess.cpuNanosOf(serverPid), generatorCpu0 = os.getProcessCpuTime();
        var inFlight = new Semaphore(1000);
        int[] nextSender = new int[shape.rooms()];
        long start = System.nanoTime();
        step.start = start;
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        long due = 0;
        int line = 0;
        while (true) {
            long now = System.nanoTime();
            if (now >= end) break;
            long shouldHave = (now - start) * rate / 1_000_000_000L;
            for (; due < shouldHave; due++) {
                int room = line++ % shape.rooms();
                var from = sender(shape, room, nextSender);
                if (from == null) {
                    step.noBudget.incrementAndGet();
                    continue;
                }
                if (!inFlight.tryAcquire()) {
                    step.inFlightCap.incrementAndGet();
                    continue;
                }
                step.offered.incrementAndGet();
                var text = "fan-out line " + line + " ~T" + System.nanoTime() + "~K" + k + "~";
                target.send(from, room, shape, text).whenComplete((status, failure) -> {
                    if (failure != null) step.failed.incrementAndGet();
                    else {
                        step.statuses.incrementAndGet(Math.min(599, Math.max(0, status)));
                        if (status == 201) step.accepted.incrementAndGet();
                        else if (status == 429) step.limited.incrementAndGet();
                        else step.otherStatus.incrementAndGet();
                    }
                    inFlight.release();                          // after counting: the step waits for all permits
                });
            }
            Thread.sleep(2);
        }
        step.sendEnd = System.nanoTime();
        inFlight.acquire(1000);                                  // every answer in
        inFlight.release(1000);
        step.expected = (long) step.accepted.get() * shape.perRoom();
        long lastProgress = System.nanoTime(), seen = -1;
        while (step.delivered.get() < step.expected) {
            long now = System.nanoTime();
            long d = step.delivered.get();
            if (d != seen) {
                seen = d;
                lastProgress = now;
            }
            if (now - lastProgress > TimeUnit.SECONDS.toNanos(5) || now - step.sendEnd > TimeUnit.SECONDS.toNanos(60)) break;
            Thread.sleep(10);
        }
        step.drained = System.nanoTime();
        step.serverCpu = ServerProcess.cpuNanosOf(serverPid) - serverCpu0;
        step.generatorCpu = os.getProcessCpuTime() - generatorCpu0;
        var latencies = step.sortedLatencies();
        double span = (Math.max(step.lastReceipt.get(), step.sendEnd) - step.start) / 1e9;
        double wall = (step.drained - step.start) / 1e9;
        System.out.printf(Locale.ROOT, "%s%4d lines/s offered: %,d sent, %,d accepted (429: %d, other: %d, failed: %d, no allowance: %d, cap: %d);"
                        + " %,d of %,d delivered, %s deliveries/s; ms p50/p95/p99 %s; server CPU %.0f%%, generator CPU %.0f%%; cut off %d%n",
                counted ? "" : "(warm-up) ", rate, step.offered.get(), step.accepted.get(), step.limited.get(), step.otherStatus.get(),
                step.failed.get(), step.noBudget.get(), step.inFlightCap.get(), step.delivered.get(), step.expected,
                Stats.thousands(step.delivered.get() / span), Stats.quantiles(latencies), 100.0 * step.serverCpu / 1e9 / wall,
                100.0 * step.generatorCpu / 1e9 / wall, step.cutOff.get());
        if (step.otherStatus.get() > 0) {
            var odd = new StringBuilder("  statuses:");
            for (int s = 0; s < 600; s++) if (step.statuses.get(s) > 0 && s != 201) odd.append(' ').append(s).append('×').append(step.statuses.get(s));
            System.out.println(odd);
        }
        if (counted) results.add(new Result(target.name(), shape.name(), step, latencies));
        Thread.sleep(500);
    }

    /** The next member of {@code room} with a line left in their allowance (a burst of 10, then 1 a second), or null. */
    private BenchWeb.Member sender(Shape shape, int room, int[] next) {
        refill();
        var candidates = sendersOf(room, shape);
        for (int tries = 0; tries < candidates.size(); tries++) {
            var m = candidates.get(next[room]++ % candidates.size());
            if (budget[m.index] >= 1) {
                budget[m.index] -= 1;
                return m;
            }
        }
        return null;
    }

    private void refill() {
        long now = System.nanoTime();
        double seconds = (now - budgetAt) / 1e9;
        budgetAt = now;
        for (int i = 0; i < budget.length; i++) budget[i] = Math.min(10, budget[i] + seconds * 0.98);   // a little under the server's 1/s
    }

    /** Waits (at most 11 s) until the members' allowances have refilled, so every step starts alike. */
    private void awaitBudget(Shape shape) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(11);
        while (System.nanoTime() < deadline) {
            refill();
            if (Arrays.stream(budget).min().orElse(10) >= 9.9) return;
            Thread.sleep(100);
        }
    }

    /**
     * A member away while lines were said in its room comes back with after=its last position: 1,000 missed (from the
     * server's ring of recent events), {@code --catch-up} missed while still in the ring, and {@code --catch-up} missed
     * that the ring no longer holds (10,000 lines in other rooms said since), which the server reads from the store.
     */
    private void catchUp(Target target, BenchWeb web) throws Exception {
        System.out.printf(Locale.ROOT, "%n== Scrollback, catch-up ==%n");
        var witness = new Conn(0, 0, members.getFirst(), target);
        connect(witness, -1);
        witness.ready.await(60, TimeUnit.SECONDS);
        say(target, 10, false);                                   // so that the witness has a position in the room
        Thread.sleep(1000);
        long away = witness.lastPosition;
        witness.closing = true;
        witness.ws.close();

        awaitBudget(ONE);
        say(target, 1000, false);
        var ring = rejoin(target, away, 1000);
        catchUps.add(row("1,000 lines missed, in the ring", ring));

        awaitBudget(ONE);
        say(target, settings.catchUp(), false);
        var full = rejoin(target, ring.last(), settings.catchUp());
        catchUps.add(row(String.format(Locale.ROOT, "%,d lines missed, in the ring", settings.catchUp()), full));

        awaitBudget(ONE);
        say(target, LIVE_RING, true);                             // pushes the missed lines out of the ring
        var stored = rejoin(target, ring.last(), settings.catchUp());
        catchUps.add(row(String.format(Locale.ROOT, "%,d lines missed, read from the store (%,d newer events in other rooms)",
                settings.catchUp(), LIVE_RING), stored));
        catchUps.forEach(System.out::println);
    }

    private static final int LIVE_RING = 10_000;

    private static String row(String what, Rejoin r) {
        return String.format(Locale.ROOT, "| %s | %,d | %s | %s | %s |", what, r.events(),
                r.toCaughtUp() < 0 ? "never: closed " + r.closeCode() + " \"" + r.closeReason() + "\" after " + Stats.ms(r.elapsed() / 1e6) + " ms"
                        : Stats.ms(r.toCaughtUp() / 1e6),
                r.toNth() < 0 ? "-" : Stats.ms(r.toNth() / 1e6),
                r.toCaughtUp() < 0 ? "-" : Stats.thousands(r.events() / (r.toCaughtUp() / 1e9)));
    }

    record Rejoin(long events, long toCaughtUp, long toNth, long last, int closeCode, String closeReason, long elapsed) {}

    private Rejoin rejoin(Target target, long after, int nth) throws Exception {
        var c = new Conn(0, 0, members.getFirst(), target);
        long t0 = System.nanoTime();
        try (var ws = RawWebSocket.open(Stats.loopback(31, 0), target.http(), target.wsPath(c, after), 60_000)) {
            ws.timeout(120_000);
            long events = 0, toNth = -1, last = after;
            while (true) {
                int op = ws.next();
                long t = System.nanoTime() - t0;
                if (op == RawWebSocket.CLOSE) {
                    System.out.printf(Locale.ROOT, "after=%d: %,d events, then closed %d \"%s\" after %.0f ms%n", after, events,
                            ws.closeCode(), ws.closeReason(), t / 1e6);
                    return new Rejoin(events, -1, toNth, last, ws.closeCode(), ws.closeReason(), t);
                }
                if (ws.indexOf(EPHEMERAL, 0) >= 0) {
                    if (ws.indexOf(CAUGHT_UP, 0) >= 0) {
                        System.out.printf(Locale.ROOT, "after=%d: %,d events, CaughtUp after %.0f ms%n", after, events, t / 1e6);
                        return new Rejoin(events, t, toNth, last, 0, "", t);
                    }
                    continue;
                }
                int p = ws.indexOf(POSITION, 0);
                if (p >= 0) last = ws.numberAt(p + POSITION.length);
                if (++events == nth) toNth = t;
            }
        }
    }

    /**
     * {@code count} accepted lines, in the room of everyone or ({@code elsewhere}) in the small rooms the witness is not
     * in, from members with allowance left; waits for every answer. Lines refused (a 409 when the room changed
     * meanwhile more often than the server retries) are said again.
     */
    private void say(Target target, int count, boolean elsewhere) throws Exception {
        var inFlight = new Semaphore(64);
        var accepted = new AtomicInteger();
        var statuses = new java.util.concurrent.ConcurrentHashMap<Integer, Integer>();
        int[] next = new int[SMALL_ROOMS];
        long t0 = System.nanoTime();
        int line = 0;
        while (accepted.get() < count) {
            if (accepted.get() + (64 - inFlight.availablePermits()) >= count) {
                Thread.sleep(5);
                continue;
            }
            var shape = elsewhere ? MANY : ONE;
            int room = elsewhere ? 1 + line % (SMALL_ROOMS - 1) : 0;
            var from = sender(shape, room, next);
            if (from == null) {
                Thread.sleep(20);
                continue;
            }
            inFlight.acquire();
            line++;
            target.send(from, room, shape, "catch-up line " + line).whenComplete((status, failure) -> {
                int code = failure != null ? -1 : status;
                if (code == 201) accepted.incrementAndGet();
                else statuses.merge(code, 1, Integer::sum);
                inFlight.release();
            });
        }
        inFlight.acquire(64);
        inFlight.release(64);
        System.out.printf(Locale.ROOT, "said %,d lines %s in %.1f s%s%n", accepted.get(), elsewhere ? "in rooms 1-99" : "in the room of everyone",
                (System.nanoTime() - t0) / 1e9, statuses.isEmpty() ? "" : " (refused and said again: " + statuses + "; first: "
                        + BenchWeb.FIRST_REFUSAL + ")");
    }

    private void report() {
        System.out.printf(Locale.ROOT, "%n| server | shape | offered lines/s | accepted | delivered / expected | deliveries/s | latency ms p50 / p95 / p99 (max) | server CPU | generator CPU | cut off (1013) |%n");
        System.out.println("|---|---|---:|---:|---:|---:|---|---:|---:|---:|");
        for (var r : results) {
            var s = r.step();
            double span = (Math.max(s.lastReceipt.get(), s.sendEnd) - s.start) / 1e9;
            double wall = (s.drained - s.start) / 1e9;
            System.out.printf(Locale.ROOT, "| %s | %s | %d | %,d | %,d / %,d | %s | %s | %.0f%% | %.0f%% | %d |%n", r.target(), r.shape(), s.rate,
                    s.accepted.get(), s.delivered.get(), s.expected, Stats.thousands(s.delivered.get() / span), Stats.quantiles(r.latencies()),
                    100.0 * s.serverCpu / 1e9 / wall, 100.0 * s.generatorCpu / 1e9 / wall, s.cutOff.get());
        }
        if (!catchUps.isEmpty()) {
            System.out.println();
            System.out.println("| catch-up (Scrollback), reconnecting with after=P | events received | ms to CaughtUp | ms to the last missed line | events/s |");
            System.out.println("|---|---:|---:|---:|---:|");
            catchUps.forEach(System.out::println);
        }
        if (reconnectFailures.get() > 0) System.out.println("reconnections that failed: " + reconnectFailures.get());
        BenchWeb.FIRST_REFUSAL.forEach((status, body) -> System.out.println("first refusal with " + status + ": " + body));
        System.out.println("finished " + Instant.now());
    }

    private static Settings parse(String[] args) {
        Path jar = Path.of("bootstrap/target/scrollback.jar");
        Path dir = Path.of("bench/results", "fanout-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        Path script = Path.of("bench/node/broadcast.js");
        String cpus = "0";
        int accounts = 500, seconds = 8, warmup = 5, catchUp = 10_000;
        List<Integer> one = List.of(10, 20, 50, 100, 150), many = List.of(100, 200, 300, 500, 1000);
        boolean jfr = false, node = true, scrollback = true;
        var jvm = new ArrayList<String>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--jar" -> jar = Path.of(args[++i]);
                case "--dir" -> dir = Path.of(args[++i]);
                case "--node-script" -> script = Path.of(args[++i]);
                case "--server-cpus" -> cpus = args[++i];
                case "--accounts" -> accounts = Integer.parseInt(args[++i]);
                case "--rates-one" -> one = Arrays.stream(args[++i].split(",")).map(String::strip).map(Integer::parseInt).toList();
                case "--rates-many" -> many = Arrays.stream(args[++i].split(",")).map(String::strip).map(Integer::parseInt).toList();
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--catch-up" -> catchUp = Integer.parseInt(args[++i]);
                case "--jfr" -> jfr = true;
                case "--no-node" -> node = false;
                case "--only-node" -> scrollback = false;
                case "--server-jvm" -> jvm.add(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (accounts < SMALL_ROOMS || accounts > CONNECTIONS || accounts % SMALL_ROOMS != 0) {
            throw new IllegalArgumentException("--accounts must be a multiple of 100, at most 1,000");
        }
        return new Settings(jar.toAbsolutePath(), dir.toAbsolutePath(), script.toAbsolutePath(), cpus, accounts, one, many, seconds,
                warmup, catchUp, jfr, node, scrollback, jvm);
    }
}
