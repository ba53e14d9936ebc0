package dev.scrollback.bench;

import dev.scrollback.adapters.sandbox.call.CallResult;
import dev.scrollback.adapters.sandbox.manifest.TomlManifests;
import dev.scrollback.adapters.sandbox.registry.WasmPolicies;
import dev.scrollback.adapters.sandbox.wasm.PluginLoad;
import dev.scrollback.adapters.sandbox.wasm.WasmEngine;
import dev.scrollback.adapters.sandbox.wasm.WasmPlugin;
import dev.scrollback.adapters.sandbox.wasm.WasmPolicy;
import dev.scrollback.adapters.sandbox.watchdog.Watchdog;
import dev.scrollback.application.plugins.ManifestReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issue 6 item 8 for WebAssembly plugins: load-and-compile time of a typical plugin (the C spam filter from
 * {@code plugins/}, built by {@code plugins/build}), the warm overhead of one hook call (p50/p99), hook calls per second
 * on two threads (one plugin instance each: an instance runs one call at a time), and how soon after its deadline a
 * runaway call is cancelled by the watchdog.
 *
 * <pre>plugins/build && bench/run sandbox [--calls N] [--seconds S] [--runaways N]</pre>
 */
public final class SandboxLoad {
    /** (module (memory (export "memory") 1 1) (func (export "handle_command") (result i32) (loop $l (br $l)) (i32.const 0))) */
    private static final byte[] RUNAWAY = Base64.getDecoder().decode(
            "AGFzbQEAAAABBQFgAAF/AwIBAAUEAQEBAQcbAgZtZW1vcnkCAA5oYW5kbGVfY29tbWFuZAAACgsBCQADQAwAC0EACw==");
    private static final byte[] MESSAGE = ("Hello everyone! The meeting moved to Thursday, see www.example.org for the new "
            + "room. Bring the casino chips for the game night and don't fall for any scam mails.").getBytes(StandardCharsets.UTF_8);

    public static void main(String[] args) throws Exception {
        int calls = 200_000, seconds = 10, runaways = 200;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--calls" -> calls = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--runaways" -> runaways = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        var dir = Path.of("plugins/spam-filter");
        var wasm = Files.readAllBytes(dir.resolve("plugin.wasm"));
        var manifest = switch (new TomlManifests().read(Files.readAllBytes(dir.resolve("plugin.toml")))) {
            case ManifestReader.Reading.Read read -> read.manifest();
            case ManifestReader.Reading.Refused refused -> throw new IllegalStateException(refused.problems().toString());
        };
        var policy = WasmPolicies.of(manifest);
        var exports = WasmPolicies.exports(manifest);
        System.out.printf("plugin: plugins/spam-filter (%,d bytes of wasm), hook filter_message_content, message of %d bytes%n",
                wasm.length, MESSAGE.length);

        try (var watchdog = Watchdog.start("bench-watchdog")) {
            var engine = new WasmEngine(watchdog);
            // load and compile: the first (cold JVM) apart, then the median of 20
            long first = System.nanoTime();
            load(engine, wasm, exports, policy);
            double firstMs = (System.nanoTime() - first) / 1e6;
            var loads = new Stats.Longs();
            for (int i = 0; i < 20; i++) {
                long start = System.nanoTime();
                load(engine, wasm, exports, policy);
                loads.add(System.nanoTime() - start);
            }
            var loaded = Stats.sorted(loads.drain());
            System.out.printf("load + compile: first %.1f ms, then p50 %.1f ms, max %.1f ms (20 loads)%n",
                    firstMs, Stats.millis(loaded, 0.50), Stats.millis(loaded, 1.0));

            // warm hook overhead on one thread
            var plugin = load(engine, wasm, exports, policy);
            for (int i = 0; i < 50_000; i++) call(plugin);
            var one = new Stats.Longs();
            for (int i = 0; i < calls; i++) {
                long start = System.nanoTime();
                call(plugin);
                one.add(System.nanoTime() - start);
            }
            var warm = Stats.sorted(one.drain());
            System.out.printf("warm hook call, one thread: p50 %.1f µs, p99 %.1f µs, p99.9 %.1f µs, max %.1f µs (%,d calls)%n",
                    Stats.millis(warm, 0.50) * 1e3, Stats.millis(warm, 0.99) * 1e3, Stats.millis(warm, 0.999) * 1e3,
                    Stats.millis(warm, 1.0) * 1e3, calls);

            // calls per second on two threads, one instance each
            var done = new AtomicLong();
            var start = new CountDownLatch(1);
            var threads = new Thread[2];
            long until = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
            for (int t = 0; t < threads.length; t++) {
                var own = load(engine, wasm, exports, policy);
                threads[t] = Thread.ofPlatform().start(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        return;
                    }
                    while (System.nanoTime() < until) {
                        call(own);
                        done.incrementAndGet();
                    }
                });
            }
            long began = System.nanoTime();
            start.countDown();
            for (var thread : threads) thread.join();
            double elapsed = (System.nanoTime() - began) / 1e9;
            System.out.printf("hook calls on two threads: %,.0f calls/s over %.1f s%n", done.get() / elapsed, elapsed);

            // cancellation: how long after its deadline a runaway call returns
            var runaway = load(engine, RUNAWAY, Set.of("handle_command"), WasmPolicy.restrictive());
            var late = new Stats.Longs();
            var deadline = Duration.ofMillis(5);
            for (int i = 0; i < runaways; i++) {
                long s = System.nanoTime();
                var result = runaway.call("handle_command", new byte[0], deadline);
                long overshoot = System.nanoTime() - s - deadline.toNanos();
                if (!(result instanceof CallResult.Faulted)) throw new IllegalStateException("a runaway returned: " + result);
                late.add(Math.max(0, overshoot));
            }
            var lateness = Stats.sorted(late.drain());
            System.out.printf("cancellation after the deadline (%d runaway calls, deadline %d ms): p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                    runaways, deadline.toMillis(), Stats.millis(lateness, 0.50), Stats.millis(lateness, 0.99),
                    Stats.millis(lateness, 1.0));
        }
    }

    private static WasmPlugin load(WasmEngine engine, byte[] wasm, Set<String> exports, WasmPolicy policy) {
        return switch (engine.load(wasm, exports, policy, Map.of())) {
            case PluginLoad.Loaded loaded -> loaded.plugin();
            case PluginLoad.Refused refused -> throw new IllegalStateException("refused: " + refused.reasons());
        };
    }

    private static void call(WasmPlugin plugin) {
        var result = plugin.call("filter_message_content", MESSAGE, Duration.ofSeconds(1));
        if (!(result instanceof CallResult.Returned)) throw new IllegalStateException("the filter did not answer: " + result);
    }
}
