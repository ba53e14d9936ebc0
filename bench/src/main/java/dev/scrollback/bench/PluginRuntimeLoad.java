package dev.scrollback.bench;

import dev.scrollback.adapters.persistence.shared.EventStore;
import dev.scrollback.adapters.persistence.shared.StoreSettings;
import dev.scrollback.adapters.sandbox.manifest.TomlManifests;
import dev.scrollback.adapters.sandbox.registry.DirectoryPackageStore;
import dev.scrollback.adapters.sandbox.runtime.SandboxRuntime;
import dev.scrollback.adapters.sandbox.schedule.UnixCron;
import dev.scrollback.adapters.sandbox.watchdog.Watchdog;
import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.hooks.CommandAnswer;
import dev.scrollback.application.hooks.CommandRequest;
import dev.scrollback.application.hooks.ContentVerdict;
import dev.scrollback.application.hooks.MessageDraft;
import dev.scrollback.application.hooks.PluginPosting;
import dev.scrollback.application.hooks.PluginReplying;
import dev.scrollback.application.hooks.PublicUsers;
import dev.scrollback.application.plugins.HookCall;
import dev.scrollback.application.plugins.HookInput;
import dev.scrollback.application.plugins.ManifestReader;
import dev.scrollback.application.plugins.PluginHost;
import dev.scrollback.application.plugins.PluginPackage;
import dev.scrollback.application.plugins.PluginRuntime;
import dev.scrollback.application.plugins.PluginStats;
import dev.scrollback.application.plugins.PluginStreams;
import dev.scrollback.application.plugins.RunningPlugin;
import dev.scrollback.application.plugins.Sandbox;
import dev.scrollback.application.shared.Actor;
import dev.scrollback.application.shared.AppendedHere;
import dev.scrollback.application.shared.Decision;
import dev.scrollback.application.shared.EventLog;
import dev.scrollback.application.shared.EventMetadata;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.application.shared.Retried;
import dev.scrollback.domain.accounts.Role;
import dev.scrollback.domain.plugins.Hook;
import dev.scrollback.domain.plugins.PluginActor;
import dev.scrollback.domain.plugins.PluginCommand;
import dev.scrollback.domain.plugins.PluginDecider;
import dev.scrollback.domain.plugins.PluginEvent;
import dev.scrollback.domain.plugins.PluginId;
import dev.scrollback.domain.plugins.PluginManifest;
import dev.scrollback.domain.plugins.PluginVersion;
import dev.scrollback.domain.plugins.PublisherKeyId;
import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.Handle;
import dev.scrollback.domain.shared.MessagePlace;
import dev.scrollback.domain.shared.SessionId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Issue 6 item 8 through the plugin runtime the BBS uses, where {@link SandboxLoad} measures the WebAssembly engine
 * alone: {@link PluginRuntime} over {@link SandboxRuntime} (the {@code Sandbox} port), on a real embedded H2 event
 * store, so every hook call pays what it pays in the server — the wire encoding ({@code HookWire}), the plugin's lock,
 * the statistics, and recording what the plugin did (a rewrite is appended before the caller hears of it; storage writes
 * are handed to the records thread).
 *
 * <p>Plugins go through their real lifecycle: the package is kept in a {@link DirectoryPackageStore}, and submit, scan,
 * approve, publish, install and enable are decided by {@link PluginDecider} and appended to the log; the runtime
 * follows the log ({@link EventLog#follow}, as {@code Projections} feed it in the server), so enabling one is the hot
 * reload path. The samples are the C plugins from {@code plugins/}, built by {@code plugins/build --out} into a
 * temporary directory (or taken from {@code --plugins DIR}), the {@code welcome} script, and small scripts written here:
 * a filter with the spam filter's rules and a command.
 *
 * <p>Measured: (1) install — enabling to running, and the sandbox's load (compile) alone, first and again; (2) warm
 * hook overhead p50/p99 through {@code PluginRuntime.filterMessage} and {@code runCommand}, beside the same call one
 * layer down ({@code RunningPlugin.call}, the port); (3) hook calls per second from two threads; (4) how long after its
 * deadline a runaway call returns, through {@code runCommand}.
 *
 * <pre>bench/run plugins [--only install,warm,throughput,cancel] [--calls N] [--recorded-calls N] [--seconds S]
 *                   [--runaways N] [--loads N] [--plugins DIR]</pre>
 */
public final class PluginRuntimeLoad {
    /** (module (memory (export "memory") 1 1) (func (export "handle_command") (result i32) (loop $l (br $l)) (i32.const 0))) */
    private static final byte[] RUNAWAY_WASM = Base64.getDecoder().decode(
            "AGFzbQEAAAABBQFgAAF/AwIBAAUEAQEBAQcbAgZtZW1vcnkCAA5oYW5kbGVfY29tbWFuZAAACgsBCQADQAwAC0EACw==");
    /** A clean chat line (161 bytes): every filter lets it through unchanged, so nothing is recorded. */
    private static final String CLEAN = "Hello everyone! The meeting moved to Thursday, see www.example.org for the new "
            + "room. Bring the board game you promised and don't forget the snacks for the evening.";
    /** The same line with two blocked words: every call is a rewrite, appended to the log before the filter answers. */
    private static final String MASKED = "Hello everyone! The meeting moved to Thursday, see www.example.org for the new "
            + "room. Bring the casino chips for the game night and don't fall for any scam mails.";
    private static final String JS_FILTER = """
            // The spam filter's rules (plugins/spam-filter) as a script: more than 2 links is rejected, blocked words masked.
            const BLOCKED = ['spam', 'scam', 'viagra', 'casino'];
            function filter_message_content(text) {
              const links = (text.match(/https?:\\/\\/|www\\./gi) || []).length;
              if (links > 2) return JSON.stringify({verdict: 'reject', reason: 'more than 2 links'});
              let masked = 0;
              const out = text.replace(/[A-Za-z]+/g, word => {
                if (!BLOCKED.includes(word.toLowerCase())) return word;
                masked++;
                return '*'.repeat(word.length);
              });
              return masked === 0 ? '' : JSON.stringify({verdict: 'rewrite', text: out});
            }
            """;
    private static final String JS_COMMAND = """
            // A command: rolls NdM from a fixed seed (no storage), answering one line like the dice sample.
            let seed = 12345;
            function handle_command(input) {
              const m = /^(\\d{1,3})d(\\d{1,4})$/.exec(input.trim());
              if (!m) return 'usage: NdM';
              const rolls = [];
              for (let i = 0; i < Number(m[1]); i++) {
                seed = (seed * 1103515245 + 12345) % 2147483648;
                rolls.push(1 + seed % Number(m[2]));
              }
              return input.trim() + ': [' + rolls.join(', ') + '] = ' + rolls.reduce((a, b) => a + b, 0);
            }
            """;
    private static final String JS_RUNAWAY = "function handle_command(input) { while (true) {} }\n";

    private final EventLog log;
    private final BenchClock clock;
    private final DirectoryPackageStore packages;
    private final TimedSandbox sandbox;
    private final PluginRuntime runtime;
    private final Caller sysopCaller;
    private final PluginActor sysop;
    private final EventMetadata bySysop;
    private final Handle caller = new Handle("Amiga");
    private final AccountId callerId = new AccountId(UUID.randomUUID());
    private final MessagePlace lobby = MessagePlace.chat(UUID.randomUUID(), "Lobby");

    private PluginRuntimeLoad(EventLog log, BenchClock clock, DirectoryPackageStore packages, TimedSandbox sandbox,
                              PluginRuntime runtime) {
        this.log = log;
        this.clock = clock;
        this.packages = packages;
        this.sandbox = sandbox;
        this.runtime = runtime;
        var account = new AccountId(UUID.randomUUID());
        var handle = new Handle("sysop");
        this.sysopCaller = new Caller(account, handle, new SessionId(UUID.randomUUID()), Set.of(Role.SYSOP, Role.MEMBER));
        this.sysop = new PluginActor(account, handle, Set.of(Role.SYSOP, Role.MEMBER));
        this.bySysop = EventMetadata.of(Actor.user(account, handle), Origin.cli(), Instant.parse("2026-11-25T00:00:00Z"));
    }

    public static void main(String[] args) throws Exception {
        int calls = 30_000, recordedCalls = 2_000, seconds = 2, runaways = 100, loads = 10;
        Path built = null;
        var only = Set.of("install", "warm", "throughput", "cancel");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--only" -> only = Set.of(args[++i].split(","));
                case "--calls" -> calls = Integer.parseInt(args[++i]);
                case "--recorded-calls" -> recordedCalls = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--runaways" -> runaways = Integer.parseInt(args[++i]);
                case "--loads" -> loads = Integer.parseInt(args[++i]);
                case "--plugins" -> built = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        var directory = Files.createTempDirectory("scrollback-bench-plugins");
        if (built == null) built = buildSamples(directory.resolve("built"));
        var clock = new BenchClock(Instant.parse("2026-11-25T00:00:00Z"));
        System.out.printf(Locale.ROOT, "%d cores, load average %.2f; embedded H2 in %s%n",
                Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), directory);
        try (var store = EventStore.open(new StoreSettings.Embedded(directory.resolve("data")));
             var watchdog = Watchdog.start("sandbox-watchdog");
             var engines = new SandboxRuntime(watchdog)) {
            var log = store.eventLog();
            var sandbox = new TimedSandbox(engines);
            var runtime = new PluginRuntime(sandbox, new DirectoryPackageStore(directory.resolve("plugins")), log, clock,
                    PluginPosting.none(), PluginReplying.none(), PublicUsers.none(), new AppendedHere(), new UnixCron());
            // The runtime follows the log as the server's projections feed it, except that a plugin the decider disables for
            // too many faults is kept running and counted: on a busy machine a pause can push a warm call past its deadline,
            // and the figures should stay the plugin's rather than an empty hook's.
            var disabledForFaults = new java.util.concurrent.ConcurrentHashMap<PluginId, java.util.concurrent.atomic.LongAdder>();
            var following = log.follow(0, event -> {
                if (event.event() instanceof PluginEvent.PluginDisabled disabled
                        && disabled.reason() == PluginEvent.DisableReason.TOO_MANY_FAULTS) {
                    disabledForFaults.computeIfAbsent(disabled.plugin(), id -> new java.util.concurrent.atomic.LongAdder()).increment();
                } else {
                    runtime.feed(event.event());
                }
            });
            try {
                runtime.start();                                     // the log is empty: caught up at once
                var bench = new PluginRuntimeLoad(log, clock, new DirectoryPackageStore(directory.resolve("plugins")),
                        sandbox, runtime);
                bench.run(built, only, calls, recordedCalls, seconds, runaways, loads);
                disabledForFaults.forEach((id, times) -> System.out.printf(
                        "the decider disabled %s for too many faults %d times (not passed on to the runtime)%n",
                        runtime.statistics(bench.sysopCaller, id).map(stats -> stats.name().value()).orElse(id.toString()),
                        times.sum()));
            } finally {
                following.close();
                runtime.close();
            }
        } finally {
            delete(directory);
        }
    }

    private void run(Path built, Set<String> only, int calls, int recordedCalls, int seconds, int runaways, int loads)
            throws Exception {
        // ---- (1) install: enabling to running, and the sandbox's load alone ----------------------------------------
        if (only.contains("install")) {
            System.out.println();
            System.out.println("(1) enable -> running through the runtime (hot reload: append PluginEnabled, the runtime follows the log,");
            System.out.println("    reads the package, loads it), the sandbox's load alone, and the first hook call through the runtime after");
            System.out.printf("    loading; each first in this JVM, then p50/max over %d disable + enable%n", loads);
        }
        var spamFilter = submit(sample(built, "spam-filter"));
        var dice = submit(sample(built, "dice"));
        var statistics = submit(sample(built, "statistics"));
        var autoResponder = submit(sample(built, "auto-responder"));
        var welcome = submit(sample(Path.of("plugins"), "welcome"));
        var jsFilter = submit(script("bench-filter", "filter_message_content", JS_FILTER, ""));
        var jsCommand = submit(script("bench-command", "handle_command", JS_COMMAND, ""));
        for (var plugin : List.of(spamFilter, dice, statistics, autoResponder, welcome, jsFilter, jsCommand)) {
            if (only.contains("install")) installTimes(plugin, loads);
        }
        var clean = draft(CLEAN);
        var masked = draft(MASKED);
        var roll = new CommandRequest("dice", caller, "3d6+2");
        var jsRoll = new CommandRequest("bench-command", caller, "3d6");
        var count = new CommandRequest("statistics", caller, "");
        if (only.contains("warm")) warm(calls, recordedCalls, spamFilter, jsFilter, dice, jsCommand, statistics, clean, masked, roll,
                jsRoll, count);
        if (only.contains("throughput")) throughput(built, seconds, spamFilter, jsFilter, dice, jsCommand, statistics, clean, roll,
                jsRoll, count);
        if (only.contains("cancel")) cancel(runaways);

        System.out.println();
        System.out.println("the runtime's own figures (PluginStatistics: calls, p50/p99 of every call it made, faults, skipped):");
        for (var stats : runtime.statistics(sysopCaller)) {
            if (stats.calls() + stats.skipped() == 0) continue;
            System.out.printf("    %-16s %-8s calls %,9d  p50 %s  p99 %s  failures %d  faults %d  skipped %d%n", stats.name().value(),
                    stats.state(), stats.calls(), micros(stats.p50()), micros(stats.p99()), stats.failures(), stats.faults(),
                    stats.skipped());
        }
    }

    private void warm(int calls, int recordedCalls, Installed spamFilter, Installed jsFilter, Installed dice, Installed jsCommand,
                      Installed statistics, MessageDraft clean, MessageDraft masked, CommandRequest roll, CommandRequest jsRoll,
                      CommandRequest count) throws InterruptedException {
        // ---- (2) warm hook overhead, one thread --------------------------------------------------------------------
        System.out.println();
        System.out.println("(2) warm hook call, one thread: through PluginRuntime (what the BBS calls), and one layer down through");
        System.out.println("    the port (RunningPlugin.call: HookWire and the engine, no lock, statistics or records)");
        serving(spamFilter);
        expectVerdict(clean, false);
        expectVerdict(masked, true);
        warm("wasm spam-filter, clean line (accepted)", spamFilter, calls, () -> runtime.filterMessage(clean),
                new HookInput.FilterContent(CLEAN));
        warm("wasm spam-filter, rewritten (1 append)", spamFilter, recordedCalls, () -> runtime.filterMessage(masked),
                new HookInput.FilterContent(MASKED));
        disable(spamFilter);
        serving(jsFilter);
        expectVerdict(clean, false);
        expectVerdict(masked, true);
        warm("js bench-filter, clean line (accepted)", jsFilter, calls, () -> runtime.filterMessage(clean),
                new HookInput.FilterContent(CLEAN));
        warm("js bench-filter, rewritten (1 append)", jsFilter, recordedCalls, () -> runtime.filterMessage(masked),
                new HookInput.FilterContent(MASKED));
        disable(jsFilter);
        serving(dice);
        expectAnswer(roll);
        warm("wasm dice 3d6+2 (storage write)", dice, recordedCalls, () -> (runtime.runCommand(roll)), null);
        awaitRecorded();
        serving(jsCommand);
        expectAnswer(jsRoll);
        warm("js bench-command 3d6", jsCommand, calls, () -> (runtime.runCommand(jsRoll)),
                new HookInput.Command(jsRoll));
        serving(statistics);
        expectAnswer(count);
        warm("wasm statistics (reads vars)", statistics, calls, () -> (runtime.runCommand(count)),
                new HookInput.Command(count));
        disable(dice);
        disable(jsCommand);
        disable(statistics);
    }

    private void throughput(Path built, int seconds, Installed spamFilter, Installed jsFilter, Installed dice, Installed jsCommand,
                            Installed statistics, MessageDraft clean, CommandRequest roll, CommandRequest jsRoll,
                            CommandRequest count) throws Exception {
        // ---- (3) hook calls per second, two threads ----------------------------------------------------------------
        System.out.println();
        System.out.printf("(3) hook calls per second from two threads, %d s each (the plugin's lock lets one call at a time in)%n",
                seconds);
        serving(spamFilter);
        twoThreads("wasm spam-filter, clean line, one plugin", seconds, List.of(spamFilter), () -> runtime.filterMessage(clean),
                () -> runtime.filterMessage(clean));
        disable(spamFilter);
        serving(jsFilter);
        twoThreads("js bench-filter, clean line, one plugin", seconds, List.of(jsFilter), () -> runtime.filterMessage(clean),
                () -> runtime.filterMessage(clean));
        disable(jsFilter);
        serving(statistics);
        var statisticsB = submit(renamed(sample(built, "statistics"), "statistics", "statistics-b"));
        serving(statisticsB);
        var countB = new CommandRequest("statistics-b", caller, "");
        twoThreads("wasm statistics + statistics-b, a plugin per thread", seconds, List.of(statistics, statisticsB),
                () -> (runtime.runCommand(count)), () -> (runtime.runCommand(countB)));
        serving(jsCommand);
        var jsCommandB = submit(script("bench-command-b", "handle_command", JS_COMMAND, ""));
        serving(jsCommandB);
        var jsRollB = new CommandRequest("bench-command-b", caller, "3d6");
        twoThreads("js bench-command + bench-command-b, a plugin per thread", seconds, List.of(jsCommand, jsCommandB),
                () -> (runtime.runCommand(jsRoll)), () -> (runtime.runCommand(jsRollB)));
        serving(dice);
        long before = log.lastPosition();
        twoThreads("wasm dice, one plugin (a storage write per call)", seconds, List.of(dice),
                () -> (runtime.runCommand(roll)), () -> (runtime.runCommand(roll)));
        long drained = awaitRecorded();
        System.out.printf("    dice's storage writes: %,d events appended, the records thread done %.0f ms after the calls%n",
                log.lastPosition() - before, drained / 1e6);
    }

    private void cancel(int runaways) throws InterruptedException {
        // ---- (4) cancellation ------------------------------------------------------------------------------------------
        System.out.println();
        System.out.printf("(4) runaway handle_command (an endless loop), deadline 5 ms from the manifest, %d calls through runCommand;%n"
                + "    lateness = return - (call + deadline); the clock moves 11 min per call so the faults never disable it%n", runaways);
        var wasmRunaway = submit(new Sample(manifest("runaway-wasm", "wasm", "plugin.wasm", "handle_command", 65536, 5),
                RUNAWAY_WASM));
        var jsRunaway = submit(script("runaway-js", "handle_command", JS_RUNAWAY, "statement_limit = 50000000\n"
                + "[limits.deadlines]\nhandle_command = 5\n"));
        serving(wasmRunaway);
        serving(jsRunaway);
        runaways("wasm", wasmRunaway, runaways);
        runaways("js", jsRunaway, runaways);
        awaitRecorded();
    }

    // ---- the measurements -------------------------------------------------------------------------------------------

    private void installTimes(Installed plugin, int again) throws InterruptedException {
        var enableToRunning = new long[again];
        var loads = new long[again];
        var firstCalls = new long[again];
        long before = sandbox.loads.get();
        clock.advance(Duration.ofMinutes(11));
        long firstEnable = enable(plugin);
        long firstLoad = sandbox.lastLoad;
        long firstCall = firstCall(plugin);
        long faults = faults(plugin);
        if (sandbox.loads.get() != before + 1) throw new IllegalStateException("expected one load of " + plugin.name());
        for (int i = 0; i < again; i++) {
            disable(plugin);
            clock.advance(Duration.ofMinutes(11));                         // faults from earlier runs never add up
            enableToRunning[i] = enable(plugin);
            loads[i] = sandbox.lastLoad;
            firstCalls[i] = firstCall(plugin);
            faults += faults(plugin);
        }
        disable(plugin);
        var e = Stats.sorted(enableToRunning);
        var l = Stats.sorted(loads);
        var c = Stats.sorted(firstCalls);
        System.out.printf(Locale.ROOT, "    %-14s %4s %,6d B | enable->running %7.1f ms, again p50 %5.1f max %5.1f | load %7.1f ms,"
                        + " again p50 %5.1f max %5.1f | first call %s%n",
                plugin.name(), plugin.manifest().engine().name().toLowerCase(Locale.ROOT), plugin.size(),
                firstEnable / 1e6, Stats.millis(e, 0.5), Stats.millis(e, 1.0),
                firstLoad / 1e6, Stats.millis(l, 0.5), Stats.millis(l, 1.0),
                firstCall < 0 ? "-" : String.format(Locale.ROOT, "%5.1f ms, again p50 %5.1f max %5.1f%s", firstCall / 1e6,
                        Stats.millis(c, 0.5), Stats.millis(c, 1.0), faults == 0 ? "" : " (" + faults + " timed out)"));
    }

    /**
     * Waits until the runtime calls the plugin's hook, and returns how long its first call took (-1: a hook this
     * benchmark does not call). The runtime reports a plugin running a moment before it is among the plugins its hooks
     * call, so a filter is probed until its count of calls moves.
     */
    private long firstCall(Installed plugin) {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        var probe = draft(CLEAN);
        var command = new CommandRequest(plugin.name(), caller, "1d6");
        var hooks = plugin.manifest().hooks();
        while (System.nanoTime() < until) {
            if (hooks.contains(Hook.FILTER_MESSAGE_CONTENT)) {
                long before = calls(plugin);
                long start = System.nanoTime();
                runtime.filterMessage(probe);
                long took = System.nanoTime() - start;
                if (calls(plugin) > before) return took;
            } else if (hooks.contains(Hook.HANDLE_COMMAND)) {
                if (runtime.commands().contains(plugin.name())) {
                    long start = System.nanoTime();
                    runtime.runCommand(command);
                    return System.nanoTime() - start;
                }
            } else {
                return -1;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(50_000);
        }
        throw new IllegalStateException(plugin.name() + " is running but its hook is never called");
    }

    /**
     * {@code calls} calls through the runtime after as many to warm up, then the same count one layer down, through the
     * port, when {@code direct} names the input (null: not measured there).
     */
    private void warm(String what, Installed plugin, int calls, Supplier<?> call, HookInput direct) {
        clock.advance(Duration.ofMinutes(11));
        for (int i = 0; i < calls; i++) call.get();
        var running = direct == null ? null : sandbox.running(plugin.name());
        var deadline = direct == null ? null : plugin.manifest().limits().deadline(direct.hook());
        if (direct != null) for (int i = 0; i < calls; i++) running.call(direct, deadline);
        long troubleBefore = trouble(plugin);
        var times = new long[calls];
        for (int i = 0; i < calls; i++) {
            long start = System.nanoTime();
            call.get();
            times[i] = System.nanoTime() - start;
        }
        var sorted = Stats.sorted(times);
        var line = String.format(Locale.ROOT, "    %-38s runtime p50 %6.1f µs  p99 %7.1f µs  p99.9 %7.1f µs  max %6.2f ms (%,d calls)",
                what, Stats.millis(sorted, 0.5) * 1e3, Stats.millis(sorted, 0.99) * 1e3, Stats.millis(sorted, 0.999) * 1e3,
                Stats.millis(sorted, 1.0), calls);
        long troubled = trouble(plugin) - troubleBefore;
        if (direct != null) {
            var port = new long[calls];
            int unanswered = 0;
            for (int i = 0; i < calls; i++) {
                long start = System.nanoTime();
                var result = running.call(direct, deadline);
                port[i] = System.nanoTime() - start;
                if (!(result instanceof HookCall.Answered)) unanswered++;
            }
            var p = Stats.sorted(port);
            line += String.format(Locale.ROOT, " | port p50 %6.1f µs  p99 %6.1f µs", Stats.millis(p, 0.5) * 1e3,
                    Stats.millis(p, 0.99) * 1e3);
            if (unanswered > 0) line += " (port: " + unanswered + " not answered)";
        }
        if (troubled > 0) line += " (runtime: " + troubled + " faulted or skipped)";
        System.out.println(line);
    }

    /** Calls per second from the first caller alone, then from both at once, each on its own thread. */
    private void twoThreads(String what, int seconds, List<Installed> plugins, Supplier<?> first, Supplier<?> second)
            throws InterruptedException {
        for (int i = 0; i < 5_000; i++) {
            first.get();
            second.get();
        }
        System.out.printf("    %s%n", what);
        throughput("one thread", seconds, plugins, List.of(first));
        throughput("two threads", seconds, plugins, List.of(first, second));
    }

    private void throughput(String what, int seconds, List<Installed> plugins, List<Supplier<?>> callers)
            throws InterruptedException {
        clock.advance(Duration.ofMinutes(11));
        long troubleBefore = plugins.stream().mapToLong(this::trouble).sum();
        var done = new AtomicLong();
        var go = new CountDownLatch(1);
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        var threads = new ArrayList<Thread>();
        for (var call : callers) {
            threads.add(Thread.ofPlatform().name("bench-caller-" + threads.size()).start(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                long mine = 0;
                while (System.nanoTime() < until) {
                    call.get();
                    mine++;
                }
                done.addAndGet(mine);
            }));
        }
        var cpu = java.lang.management.ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class);
        long cpuBefore = cpu.getProcessCpuTime();
        long began = System.nanoTime();
        go.countDown();
        for (var thread : threads) thread.join();
        double elapsed = (System.nanoTime() - began) / 1e9;
        double cores = (cpu.getProcessCpuTime() - cpuBefore) / 1e9 / elapsed;
        long troubled = plugins.stream().mapToLong(this::trouble).sum() - troubleBefore;
        System.out.printf(Locale.ROOT, "        %-12s %,9.0f calls/s over %.1f s (process CPU %.2f cores)%s%n", what,
                done.get() / elapsed, elapsed, cores, troubled == 0 ? "" : " (" + troubled + " faulted or skipped)");
    }

    private void runaways(String engine, Installed plugin, int calls) {
        var request = new CommandRequest(plugin.name(), caller, "");
        var deadline = plugin.manifest().limits().deadline(Hook.HANDLE_COMMAND);
        var late = new long[calls];
        int starved = 0;
        for (int i = 0; i < calls; i++) {
            clock.advance(Duration.ofMinutes(11));                         // outside the decider's 10-minute fault window
            long start = System.nanoTime();
            var answer = runtime.runCommand(request);
            late[i] = Math.max(0, System.nanoTime() - start - deadline.toNanos());
            if (!(answer instanceof CommandAnswer.Unavailable unavailable)
                    || !(unavailable.why().contains("timeout") || unavailable.why().contains("too busy"))) {
                throw new IllegalStateException("the runaway " + plugin.name() + " answered " + answer);
            }
            if (unavailable.why().contains("too busy")) starved++;
        }
        var sorted = Stats.sorted(late);
        System.out.printf(Locale.ROOT, "    %-4s lateness p50 %.2f ms  p90 %.2f ms  p99 %.2f ms  max %.2f ms%s%n", engine,
                Stats.millis(sorted, 0.5), Stats.millis(sorted, 0.9), Stats.millis(sorted, 0.99), Stats.millis(sorted, 1.0),
                starved == 0 ? "" : " (" + starved + " judged starved, not charged)");
    }

    // ---- plugins through their lifecycle ----------------------------------------------------------------------------

    record Sample(byte[] manifest, byte[] code) {}

    record Installed(PluginId id, PluginManifest manifest, int size) {
        String name() {
            return manifest.name().value();
        }
    }

    /** Kept, submitted, scanned (passed), approved, published and installed: everything but enabling. */
    private Installed submit(Sample sample) {
        var manifest = switch (new TomlManifests().read(sample.manifest())) {
            case ManifestReader.Reading.Read read -> read.manifest();
            case ManifestReader.Reading.Refused refused -> throw new IllegalStateException(refused.problems().toString());
        };
        var content = new PluginPackage(sample.manifest(), sample.code());
        packages.keep(content);
        var id = new PluginId(UUID.randomUUID());
        var at = clock.instant();
        decide(id, new PluginCommand.Submit(id, manifest, content.sha256(), sysop, at));
        decide(id, new PluginCommand.RecordScan(true, List.of(), at));
        decide(id, new PluginCommand.Approve(sysop, at));
        decide(id, new PluginCommand.Publish(sysop, at));
        decide(id, new PluginCommand.Install(sysop, new PublisherKeyId("bench"), PluginVersion.parse("0.1.0"), at));
        return new Installed(id, manifest, sample.code().length);
    }

    /** Appends PluginEnabled and waits until the runtime reports the plugin running; returns how long that took. */
    private long enable(Installed plugin) {
        long start = System.nanoTime();
        decide(plugin.id(), new PluginCommand.Enable(sysop, clock.instant()));
        var state = awaitState(plugin, PluginStats.RunState.RUNNING);
        long took = System.nanoTime() - start;
        if (state != PluginStats.RunState.RUNNING) {
            throw new IllegalStateException(plugin.name() + " did not run: " + runtime.statistics(sysopCaller, plugin.id()));
        }
        return took;
    }

    /**
     * Enables the plugin, waits until its hook is called, and calls until it answers: its first calls may time out (a
     * script's first call runs cold, and every timeout drops its context, so the next starts cold again), which is
     * said. The clock moves past the decider's fault window first, so that faults from before never add up to
     * disabling it.
     */
    private void serving(Installed plugin) throws InterruptedException {
        clock.advance(Duration.ofMinutes(11));
        enable(plugin);
        firstCall(plugin);
        if (plugin.name().startsWith("runaway")) return;
        var probe = draft(CLEAN);
        var command = new CommandRequest(plugin.name(), caller, "1d6");
        boolean filter = plugin.manifest().hooks().contains(Hook.FILTER_MESSAGE_CONTENT);
        for (int i = 0; i < 20 && faults(plugin) > 0; i++) {
            long before = faults(plugin);
            clock.advance(Duration.ofMinutes(11));
            if (filter) runtime.filterMessage(probe);
            else runtime.runCommand(command);
            if (faults(plugin) == before) break;
        }
        if (faults(plugin) > 0) {
            awaitRecorded();
            var faulted = log.read(PluginStreams.plugin(plugin.id())).events().stream()
                    .map(dev.scrollback.application.shared.RecordedEvent::event)
                    .filter(PluginEvent.PluginFaulted.class::isInstance).map(PluginEvent.PluginFaulted.class::cast)
                    .map(f -> f.kind().wireName() + ": " + f.detail()).distinct().toList();
            System.out.printf("    (%s: %d of its first calls faulted: %s)%n", plugin.name(), faults(plugin), faulted);
        }
        clock.advance(Duration.ofMinutes(11));
    }

    /** Calls of the plugin's current slot that faulted or were skipped (busy until the deadline). */
    private long trouble(Installed plugin) {
        return runtime.statistics(sysopCaller, plugin.id()).map(stats -> stats.faults() + stats.skipped()).orElse(0L);
    }

    private long faults(Installed plugin) {
        return runtime.statistics(sysopCaller, plugin.id()).map(PluginStats::faults).orElse(0L);
    }

    private long calls(Installed plugin) {
        return runtime.statistics(sysopCaller, plugin.id()).map(PluginStats::calls).orElse(0L);
    }

    private void disable(Installed plugin) {
        // Enabled again first, in case the decider disabled it for faults (not passed on), so that Disable appends.
        decide(plugin.id(), new PluginCommand.Enable(sysop, clock.instant()));
        decide(plugin.id(), new PluginCommand.Disable(sysop, clock.instant()));
        awaitState(plugin, PluginStats.RunState.STOPPED);
    }

    private PluginStats.RunState awaitState(Installed plugin, PluginStats.RunState wanted) {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < until) {
            var state = runtime.statistics(sysopCaller, plugin.id()).map(PluginStats::state).orElse(null);
            if (state == wanted || state == PluginStats.RunState.REFUSED) return state;
            java.util.concurrent.locks.LockSupport.parkNanos(50_000);        // not a spin: the loader needs the core
        }
        throw new IllegalStateException(plugin.name() + " never reached " + wanted);
    }

    /** As the use cases do: decided on the stream as it is, again if a fault was recorded on it meanwhile. */
    private void decide(PluginId id, PluginCommand command) {
        Retried.onConflict(5, () -> {
            var decision = Decision.make(log, PluginStreams.plugin(id), new PluginDecider(), PluginEvent.class, command);
            if (!decision.isEmpty()) log.append(decision.toAppend(), bySysop);
        });
    }

    /** Waits until the records thread has appended what it was handed (the log stops growing); returns how long. */
    private long awaitRecorded() throws InterruptedException {
        long start = System.nanoTime();
        long last = -1;
        while (true) {
            long now = log.lastPosition();
            if (now == last) return System.nanoTime() - start - TimeUnit.MILLISECONDS.toNanos(200);
            last = now;
            Thread.sleep(200);
        }
    }

    // ---- inputs and answers -----------------------------------------------------------------------------------------

    private MessageDraft draft(String text) {
        return new MessageDraft(lobby, callerId, caller, text);
    }

    /**
     * Checks the filter's verdict before measuring; a few tries, since a path of a script not taken before runs cold
     * and may time out once on a busy machine (a timed-out filter lets the line through).
     */
    private void expectVerdict(MessageDraft draft, boolean rewritten) {
        ContentVerdict verdict = null;
        for (int i = 0; i < 10; i++) {
            clock.advance(Duration.ofMinutes(11));
            verdict = runtime.filterMessage(draft);
            if (verdict instanceof ContentVerdict.Accepted accepted && accepted.rewrittenBy().isEmpty() != rewritten) return;
        }
        throw new IllegalStateException("unexpected verdict " + verdict);
    }

    private void expectAnswer(CommandRequest request) {
        CommandAnswer answer = null;
        for (int i = 0; i < 10; i++) {
            clock.advance(Duration.ofMinutes(11));
            answer = runtime.runCommand(request);
            if (answer instanceof CommandAnswer.Answered) return;
        }
        throw new IllegalStateException("the command did not answer: " + answer);
    }

    private static String micros(java.util.Optional<Duration> latency) {
        return latency.map(d -> String.format(Locale.ROOT, "%7.1f µs", d.toNanos() / 1e3)).orElse("      -   ");
    }

    // ---- packages ---------------------------------------------------------------------------------------------------

    private static Sample sample(Path directory, String name) throws IOException {
        var dir = directory.resolve(name);
        var manifest = Files.readAllBytes(dir.resolve("plugin.toml"));
        var entry = Files.exists(dir.resolve("plugin.wasm")) ? "plugin.wasm" : "main.js";
        return new Sample(manifest, Files.readAllBytes(dir.resolve(entry)));
    }

    private static Sample renamed(Sample sample, String from, String to) {
        var text = new String(sample.manifest(), StandardCharsets.UTF_8);
        var changed = text.replace("name = \"" + from + "\"", "name = \"" + to + "\"");
        if (changed.equals(text)) throw new IllegalStateException("no name " + from + " in the manifest");
        return new Sample(changed.getBytes(StandardCharsets.UTF_8), sample.code());
    }

    private static Sample script(String name, String hook, String source, String limits) {
        var manifest = """
                name = "%s"
                version = "1.0.0"
                requires = ">=0.1.0, <1.0.0"
                description = "A script of the plugin runtime benchmark"
                author = "Scrollback"
                license = "MIT"
                engine = "js"
                entry = "main.js"
                hooks = ["%s"]

                %s""".formatted(name, hook, limits.isEmpty() ? "" : "[limits]\n" + limits);
        return new Sample(manifest.getBytes(StandardCharsets.UTF_8), source.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] manifest(String name, String engine, String entry, String hook, long memory, int deadlineMs) {
        return """
                name = "%s"
                version = "1.0.0"
                requires = ">=0.1.0, <1.0.0"
                description = "A plugin of the plugin runtime benchmark"
                author = "Scrollback"
                license = "MIT"
                engine = "%s"
                entry = "%s"
                hooks = ["%s"]

                [limits]
                memory_bytes = %d
                [limits.deadlines]
                %s = %d
                """.formatted(name, engine, entry, hook, memory, hook, deadlineMs).getBytes(StandardCharsets.UTF_8);
    }

    private static Path buildSamples(Path out) throws IOException, InterruptedException {
        var build = new ProcessBuilder("plugins/build", "--out", out.toString()).redirectErrorStream(true).start();
        var output = new String(build.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!build.waitFor(120, TimeUnit.SECONDS) || build.exitValue() != 0) {
            throw new IllegalStateException("plugins/build failed (run from the repository's root):\n" + output);
        }
        return out;
    }

    private static void delete(Path directory) throws IOException {
        try (var files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /**
     * The sandbox the runtime is given: the real {@link SandboxRuntime}, with each load timed and the plugin it made kept,
     * so the same plugin can be called one layer below the runtime.
     */
    private static final class TimedSandbox implements Sandbox {
        private final Sandbox inner;
        final AtomicLong loads = new AtomicLong();
        volatile long lastLoad;
        private final Map<String, RunningPlugin> byName = new java.util.concurrent.ConcurrentHashMap<>();

        TimedSandbox(Sandbox inner) {
            this.inner = inner;
        }

        @Override
        public Load load(PluginManifest manifest, PluginPackage content, Map<String, byte[]> storage, PluginHost host) {
            long start = System.nanoTime();
            var load = inner.load(manifest, content, storage, host);
            lastLoad = System.nanoTime() - start;
            loads.incrementAndGet();
            if (load instanceof Load.Loaded loaded) byName.put(manifest.name().value(), loaded.plugin());
            return load;
        }

        /** The plugin last loaded under that name. */
        RunningPlugin running(String name) {
            var plugin = byName.get(name);
            if (plugin == null) throw new IllegalStateException(name + " was never loaded");
            return plugin;
        }
    }
}
