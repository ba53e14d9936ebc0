package dev.scrollback.adapters.sandbox.js;

import dev.scrollback.adapters.sandbox.call.CallResult;
import dev.scrollback.adapters.sandbox.watchdog.Watchdog;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The child JVM of {@link JsMemoryBombsTest}, run with a small heap: calls each expression given as an argument in a
 * script of its own ({@code return String(<expression>)}), while a host thread keeps allocating beside it, and prints
 * one line per call and one at the end, fields separated by {@code |}:
 * <pre>
 * bomb|&lt;expression&gt;|&lt;Returned, Failed: message, or Faulted KIND: detail&gt;|&lt;ms&gt;|&lt;served after: yes/no&gt;
 * host|&lt;OutOfMemoryErrors the host thread caught&gt;|&lt;its allocations&gt;
 * </pre>
 * Also a way to measure a bomb by hand, as decision 0017 did: {@code java -Xmx512m -DbudgetMiB=16 -cp … MemoryBombs
 * "new Array(1e9).fill(0)"} (the allocation budget of a call: 256 MiB unless {@code budgetMiB} says otherwise).
 */
public final class MemoryBombs {
    private static final Duration DEADLINE = Duration.ofSeconds(10);

    private MemoryBombs() {}

    public static void main(String[] expressions) throws Exception {
        var hostOoms = new AtomicLong();
        var hostAllocations = new AtomicLong();
        var done = new AtomicBoolean();
        try (var watchdog = Watchdog.start("bombs-watchdog"); var engine = new JsEngine(watchdog)) {
            engine.warmUp();
            var budget = Long.getLong("budgetMiB", JsLimits.defaults().allocationBytes() >> 20) << 20;
            var policy = JsPolicy.restrictive().withLimits(JsLimits.defaults().withAllocationBytes(budget));
            var host = Thread.ofPlatform().name("host-work").start(() -> keepAllocating(done, hostOoms, hostAllocations));
            for (var expression : expressions) {
                var load = engine.load("bomb.js", "function bomb(input) { return String(" + expression + "); }\n"
                        + "function greet(input) { return 'Hello, ' + input; }", Set.of("bomb", "greet"),
                        policy, Map.of());
                if (!(load instanceof ScriptLoad.Loaded loaded)) {
                    System.out.println("bomb|" + expression + "|refused at load: " + load + "|0|no");
                    continue;
                }
                try (var script = loaded.script()) {
                    long started = System.nanoTime();
                    var result = script.call("bomb", new byte[0], DEADLINE);
                    long ms = (System.nanoTime() - started) / 1_000_000;
                    var served = script.call("greet", "again".getBytes(StandardCharsets.UTF_8), DEADLINE);
                    System.out.println("bomb|" + expression + "|" + shown(result) + "|" + ms + "|"
                            + (served instanceof CallResult.Returned r
                                    && new String(r.output(), StandardCharsets.UTF_8).equals("Hello, again") ? "yes" : "no"));
                }
            }
            done.set(true);
            host.join();
        }
        System.out.println("host|" + hostOoms.get() + "|" + hostAllocations.get());
        System.out.flush();
    }

    /** What the BBS does beside the scripts, in miniature: 32 MiB kept, a 4 MiB block replaced every millisecond. */
    private static void keepAllocating(AtomicBoolean done, AtomicLong ooms, AtomicLong allocations) {
        var kept = new byte[8][];
        for (int i = 0; !done.get(); i++) {
            try {
                kept[i % kept.length] = new byte[4 << 20];
                allocations.incrementAndGet();
            } catch (OutOfMemoryError e) {
                ooms.incrementAndGet();
            }
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static String shown(CallResult result) {
        return switch (result) {
            case CallResult.Returned r -> "Returned";
            case CallResult.Failed f -> "Failed: " + f.message();
            case CallResult.Faulted f -> "Faulted " + f.kind() + ": " + f.detail();
        };
    }
}
